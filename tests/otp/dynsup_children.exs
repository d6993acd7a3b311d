# Tests DynamicSupervisor: DynamicSupervisor.init/1, child forms ({M, a}, M, maps), extra_arguments, max_children, terminate_child and restarts.
defmodule Conn do
  use GenServer

  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def start_link(prefix, arg), do: GenServer.start_link(__MODULE__, {prefix, arg})
  def get(pid), do: GenServer.call(pid, :get)

  @impl true
  def init({:fail, why}), do: {:stop, why}
  def init(arg), do: {:ok, arg}

  @impl true
  def handle_call(:get, _from, s), do: {:reply, s, s}
end

IO.inspect(DynamicSupervisor.init(strategy: :one_for_one, max_children: 4), label: "init/1")

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_children: 4)
{:ok, a} = DynamicSupervisor.start_child(sup, {Conn, :a})
{:ok, b} = DynamicSupervisor.start_child(sup, Conn)

{:ok, c} =
  DynamicSupervisor.start_child(sup, %{
    id: :ignored,
    start: {Conn, :start_link, [:c]},
    restart: :transient
  })

IO.inspect(Enum.map([a, b, c], &Conn.get/1), label: "states")

# init returning {:stop, reason} makes start_child return {:error, reason}; nothing is added.
IO.inspect(DynamicSupervisor.start_child(sup, {Conn, {:fail, :no_db}}), label: "failing child")
{:ok, d} = DynamicSupervisor.start_child(sup, {Conn, :d})
IO.inspect(DynamicSupervisor.start_child(sup, {Conn, :e}), label: "fifth child")
IO.inspect(DynamicSupervisor.count_children(sup), label: "counts at the limit")

# terminate_child takes a pid; unknown pids give {:error, :not_found}.
IO.inspect(DynamicSupervisor.terminate_child(sup, d), label: "terminate d")
IO.inspect(DynamicSupervisor.terminate_child(sup, d), label: "terminate d again")
IO.inspect(DynamicSupervisor.terminate_child(sup, self()), label: "terminate a non-child")

# A killed :permanent child is restarted with its original arguments.
ref = Process.monitor(a)
Process.exit(a, :kill)
receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "a down"))

# Ask the supervisor until the old pid has left its list (it handles the EXIT asynchronously).
settle = fn settle, old ->
  pids = for {:undefined, pid, :worker, [Conn]} <- DynamicSupervisor.which_children(sup), do: pid
  if old in pids, do: settle.(settle, old), else: pids
end

states = fn old -> Enum.map(settle.(settle, old), &Conn.get/1) end

IO.inspect(Enum.sort(states.(a)), label: "states after restart of a")

# A :transient child that stops normally is not restarted and leaves the supervisor.
:ok = GenServer.stop(c)
IO.inspect(Enum.sort(states.(c)), label: "states after c stopped normally")
IO.inspect(DynamicSupervisor.count_children(sup), label: "counts")

# extra_arguments are prepended to every child's start arguments.
{:ok, sup2} = DynamicSupervisor.start_link(strategy: :one_for_one, extra_arguments: [:tenant1])
{:ok, x} = DynamicSupervisor.start_child(sup2, {Conn, :x})
{:ok, y} = DynamicSupervisor.start_child(sup2, %{id: :y, start: {Conn, :start_link, [:y]}})
IO.inspect({Conn.get(x), Conn.get(y)}, label: "with extra_arguments")
IO.inspect(DynamicSupervisor.stop(sup2), label: "stop sup2")
IO.puts("children stopped with it: #{not Process.alive?(x) and not Process.alive?(y)}")
