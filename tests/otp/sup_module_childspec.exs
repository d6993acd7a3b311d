# Tests `use Supervisor` modules, the value of Supervisor.init/2, child_spec/2 overrides and defaults, and bad specs.
defmodule Worker do
  use GenServer, shutdown: 10_000

  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)

  @impl true
  def init(arg), do: {:ok, arg}
end

defmodule Pool do
  use Supervisor

  def start_link(size), do: Supervisor.start_link(__MODULE__, size, name: __MODULE__)

  @impl true
  def init(size) do
    children =
      for i <- 1..size do
        Supervisor.child_spec({Worker, i}, id: {:worker, i})
      end

    Supervisor.init([Worker | children], strategy: :rest_for_one, max_restarts: 7)
  end
end

# Supervisor.init/2 returns {:ok, {flags, child_specs}} with defaults filled in.
IO.inspect(Pool.init(2), label: "Pool.init(2)")
IO.inspect(Supervisor.init([], strategy: :one_for_all), label: "empty init")

# Child spec defaults and overrides.
IO.inspect(Worker.child_spec(:x), label: "Worker.child_spec")
IO.inspect(Pool.child_spec(3), label: "Pool.child_spec")
IO.inspect(Supervisor.child_spec(Worker, restart: :temporary), label: "bare module with override")

override =
  Supervisor.child_spec({Worker, :y},
    id: :y,
    start: {Worker, :start_link, [:z]},
    type: :supervisor
  )

IO.inspect(override, label: "id/start/type override")

map = %{id: :m, start: {Worker, :start_link, [:m]}}
IO.inspect(Supervisor.child_spec(map, shutdown: :brutal_kill), label: "map with override")

try do
  Supervisor.child_spec({Worker, 1}, colour: :blue)
rescue
  e in ArgumentError -> IO.puts("unknown override key: " <> Exception.message(e))
end

# A module-based supervisor under its own name.
{:ok, pool} = Pool.start_link(3)
IO.puts("registered: #{Process.whereis(Pool) == pool}")

for {id, pid, type, mods} <- Supervisor.which_children(Pool) do
  IO.inspect({id, is_pid(pid), type, mods})
end

IO.inspect(Supervisor.count_children(Pool), label: "count_children")

# Two children with the same id: the supervisor refuses to start.
Process.flag(:trap_exit, true)
dup = Supervisor.start_link([{Worker, 1}, {Worker, 2}], strategy: :one_for_one)
IO.inspect(dup, label: "duplicate ids")

receive do
  {:EXIT, _, reason} -> IO.inspect(reason, label: "EXIT after failed start")
after
  1000 -> IO.puts("no EXIT message")
end

IO.inspect(Supervisor.stop(Pool), label: "stop")
