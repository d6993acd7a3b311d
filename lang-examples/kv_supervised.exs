# A key-value store kept alive by a supervisor. The store is a GenServer
# holding a map; the supervisor restarts it when it dies. A restart brings
# the process back, not its data: the new process starts from init/1 again,
# so whatever the old one held is gone. (To keep data across crashes, keep
# it somewhere that outlives the worker, such as an ETS table owned by a
# longer-lived process.)
defmodule KV do
  use GenServer

  # Registered under its module name, so clients find the current process
  # even after a restart gave it a new pid.
  def start_link(initial), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)

  def put(key, value), do: GenServer.cast(__MODULE__, {:put, key, value})
  def get(key), do: GenServer.call(__MODULE__, {:get, key})
  def all, do: GenServer.call(__MODULE__, :all)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_cast({:put, key, value}, map), do: {:noreply, Map.put(map, key, value)}

  @impl true
  def handle_call({:get, key}, _from, map), do: {:reply, Map.get(map, key), map}
  def handle_call(:all, _from, map), do: {:reply, map, map}
end

# The child spec {KV, %{greeting: "hello"}} means: call
# KV.start_link(%{greeting: "hello"}) now, and again on every restart.
{:ok, sup} = Supervisor.start_link([{KV, %{greeting: "hello"}}], strategy: :one_for_one)

KV.put(:lang, "elixir")
KV.put(:answer, 42)
IO.inspect(KV.all(), label: "before the kill")

# Kill the store. :kill cannot be trapped or ignored; a monitor tells us
# when the process is really gone.
old = Process.whereis(KV)
ref = Process.monitor(old)
Process.exit(old, :kill)

receive do
  {:DOWN, ^ref, :process, _pid, reason} -> IO.puts("KV died: #{inspect(reason)}")
end

# The supervisor notices the exit and starts a fresh KV. Wait until the
# name points at the new process.
wait_for_restart = fn wait ->
  case Process.whereis(KV) do
    pid when is_pid(pid) and pid != old -> pid
    _ -> wait.(wait)
  end
end

new = wait_for_restart.(wait_for_restart)
IO.puts("restarted with a new pid: #{new != old}")

# Same name, new process, initial state: the puts above are lost.
IO.inspect(KV.all(), label: "after the restart")
IO.inspect(KV.get(:answer), label: "answer")

KV.put(:answer, 43)
IO.inspect(KV.get(:answer), label: "answer after a new put")
IO.inspect(Supervisor.count_children(sup), label: "supervisor counts")
