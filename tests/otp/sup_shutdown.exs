# Tests child shutdown: reverse start order on Supervisor.stop, shutdown timeouts, :brutal_kill, and non-trapping children.
defmodule Child do
  use GenServer

  def start_link({name, trap, linger, parent}),
    do: GenServer.start_link(__MODULE__, {name, trap, linger, parent}, name: name)

  @impl true
  def init({name, trap, linger, parent}) do
    Process.flag(:trap_exit, trap)
    {:ok, {name, linger, parent}}
  end

  @impl true
  def terminate(reason, {name, linger, parent}) do
    send(parent, {:terminate_begins, name, reason})
    Process.sleep(linger)
    send(parent, {:terminate_ends, name})
  end
end

parent = self()

spec = fn name, trap, linger, shutdown ->
  Supervisor.child_spec({Child, {name, trap, linger, parent}}, id: name, shutdown: shutdown)
end

children = [
  spec.(:gentle, true, 0, 1000),
  spec.(:slow_but_in_time, true, 100, 2000),
  spec.(:stubborn, true, 5000, 50),
  spec.(:brutal, true, 0, :brutal_kill),
  spec.(:plain, false, 0, 1000)
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
names = Enum.map(children, & &1.id)
refs = for n <- names, into: %{}, do: {Process.monitor(Process.whereis(n)), n}

IO.inspect(for(%{id: id, shutdown: s} <- children, do: {id, s}), label: "shutdown settings")

# terminate_child uses the same shutdown rules as stopping the whole supervisor.
IO.inspect(Supervisor.terminate_child(sup, :brutal), label: "terminate_child brutal")
{:ok, brutal2} = Supervisor.restart_child(sup, :brutal)
refs = Map.put(refs, Process.monitor(brutal2), :brutal_restarted)

# Shutdown follows the order of the child list, not the order in which children last started.

IO.inspect(Supervisor.stop(sup), label: "Supervisor.stop")

# Every message sent during shutdown is already here: stop waits for all children.
drain = fn drain, acc ->
  receive do
    {:DOWN, ref, :process, _, reason} -> drain.(drain, [{:down, refs[ref], reason} | acc])
    {tag, name, reason} -> drain.(drain, [{tag, name, reason} | acc])
    {tag, name} -> drain.(drain, [{tag, name} | acc])
  after
    0 -> Enum.reverse(acc)
  end
end

Enum.each(drain.(drain, []), &IO.inspect/1)
IO.puts("all gone: #{Enum.all?(names, &(Process.whereis(&1) == nil))}")
