# Processes started by GenServer, Agent, Task and Task.Supervisor carry
# proc_lib's :"$ancestors" and :"$initial_call", and tasks their :"$callers".
defmodule M do
  def run do
    parent = self()
    t = Task.async(fn -> {Process.get(:"$callers") == [parent], Process.get(:"$ancestors") == [parent], Process.get(:"$initial_call")} end)
    IO.inspect(Task.await(t))
    {:ok, a} = Agent.start_link(fn -> 0 end)
    IO.inspect(Agent.get(a, fn _ -> {Process.get(:"$ancestors") == [parent], Process.get(:"$initial_call")} end))
    {:ok, a2} = Agent.start_link(fn -> 0 end, name: :named_agent)
    IO.inspect(Agent.get(a2, fn _ -> Process.get_keys() |> Enum.sort() end))
    {:ok, sup} = Task.Supervisor.start_link()
    t2 = Task.Supervisor.async(sup, fn -> {Process.get(:"$callers") == [parent], Process.get(:"$ancestors") == [sup, parent]} end)
    IO.inspect(Task.await(t2))
    {:ok, pid} = Task.start(fn -> send(parent, {:keys, Process.get_keys() |> Enum.sort(), Process.get(:"$initial_call")}) end)
    receive do m -> IO.inspect(m) end
    _ = pid
  end
end
M.run()
