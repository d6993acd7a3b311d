# {:global, name} names for Agent and GenServer, and the :global module:
# any term names a process; a name is free again once its holder dies,
# even for a supervisor restarting the holder at once.
{:ok, a} = Agent.start_link(fn -> 1 end, name: {:global, :counter})
IO.inspect(Agent.get({:global, :counter}, & &1))
Agent.update({:global, :counter}, &(&1 + 41))
IO.inspect(Agent.get({:global, :counter}, & &1))
IO.inspect(:global.whereis_name(:counter) == a)
IO.inspect(:global.whereis_name(:nobody))
IO.inspect(Agent.start_link(fn -> 2 end, name: {:global, :counter}) |> elem(0))
defmodule S do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:get, _, x), do: {:reply, x, x}
end
{:ok, s} = GenServer.start(S, :state, name: {:global, {:server, 1}})
IO.inspect(GenServer.call({:global, {:server, 1}}, :get))
IO.inspect(GenServer.whereis({:global, {:server, 1}}) == s)
ref = Process.monitor(s)
GenServer.stop(s)
receive do {:DOWN, ^ref, _, _, _} -> :ok end
IO.inspect(:global.whereis_name({:server, 1}))
IO.inspect(:global.register_name(:me, self()))
IO.inspect(:global.register_name(:me, self()))
:global.send(:me, :hello)
receive do m -> IO.inspect(m) end
IO.inspect(:global.unregister_name(:me))
IO.inspect(:global.whereis_name(:me))
children = [%{id: :w, start: {Agent, :start_link, [fn -> :fresh end, [name: {:global, :worker}]]}}]
{:ok, _sup} = Supervisor.start_link(children, strategy: :one_for_one)
old = :global.whereis_name(:worker)
wref = Process.monitor(old)
Process.exit(old, :kill)
receive do {:DOWN, ^wref, _, _, r} -> IO.inspect(r) end
Process.sleep(50)
new = :global.whereis_name(:worker)
IO.inspect({is_pid(new), new != old, Agent.get({:global, :worker}, & &1)})
