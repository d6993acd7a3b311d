# Tests Agent with names, function captures and the {M, f, a} forms, `use Agent` child specs, and an Agent under a Supervisor.
defmodule Settings do
  use Agent, restart: :permanent

  def start_link(initial), do: Agent.start_link(fn -> Map.new(initial) end, name: __MODULE__)
  def fetch(key), do: Agent.get(__MODULE__, &Map.get(&1, key))
  def put(key, value), do: Agent.update(__MODULE__, &Map.put(&1, key, value))
end

defmodule Tally do
  use Agent, restart: :temporary

  def start_link(_), do: Agent.start_link(fn -> 0 end)
end

IO.inspect(Settings.child_spec(mode: :dark), label: "Settings.child_spec")
IO.inspect(Tally.child_spec(:x), label: "Tally.child_spec")

# Agent.start (no link) with a name; the same name twice is an error.
{:ok, inv} = Agent.start(fn -> %{apples: 3} end, name: :inventory)
IO.puts("registered: #{Process.whereis(:inventory) == inv}")
{:error, {:already_started, holder}} = Agent.start(fn -> :other end, name: :inventory)
IO.puts("already started by inv: #{holder == inv}")

# Function captures and the module/function/args forms (state is passed as the first argument).
IO.inspect(Agent.get(:inventory, &Map.keys/1), label: "get with &Map.keys/1")
IO.inspect(Agent.get(:inventory, Map, :get, [:apples]), label: "get/4 Map.get")
IO.inspect(Agent.update(:inventory, Map, :put, [:pears, 5]), label: "update/4")

IO.inspect(Agent.get_and_update(:inventory, Map, :pop, [:apples]),
  label: "get_and_update/4 Map.pop"
)

IO.inspect(Agent.cast(:inventory, Map, :update!, [:pears, &(&1 * 2)]), label: "cast/4")
IO.inspect(Agent.get(:inventory, & &1), label: "inventory")
IO.inspect(Agent.get(:inventory, fn s -> map_size(s) end, 1000), label: "get/3 with timeout")

IO.inspect(Agent.stop(:inventory, :normal), label: "stop")

noproc =
  try do
    Agent.get(:inventory, & &1)
  catch
    :exit, {reason, {GenServer, :call, [name | _]}} -> {reason, name}
  end

IO.inspect(noproc, label: "get after stop")

# Under a supervisor: a killed agent comes back with its initial state.
{:ok, sup} = Supervisor.start_link([{Settings, [mode: :light]}, Tally], strategy: :one_for_one)
Settings.put(:mode, :dark)
Settings.put(:volume, 11)
IO.inspect(Settings.fetch(:mode), label: "mode before kill")
old = Process.whereis(Settings)
ref = Process.monitor(old)
Process.exit(old, :kill)
receive do: ({:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "agent down"))

wait = fn wait ->
  case Process.whereis(Settings) do
    pid when is_pid(pid) and pid != old -> pid
    _ -> wait.(wait)
  end
end

wait.(wait)
IO.inspect(Settings.fetch(:mode), label: "mode after restart")
IO.inspect(Settings.fetch(:volume), label: "volume after restart")

ids = for {id, pid, :worker, _} <- Supervisor.which_children(sup), do: {id, is_pid(pid)}
IO.inspect(ids, label: "children")
IO.inspect(Supervisor.stop(sup), label: "supervisor stop")
IO.inspect(Process.whereis(Settings), label: "Settings after supervisor stop")
