# Child specs in the six-element tuple form (Supervisor.Spec's, deprecated)
# start, list and validate like maps.
defmodule Alpha do
  use Agent
  def start_link(x), do: Agent.start_link(fn -> x end)
end
{:ok, sup} = Supervisor.start_link([{:first, {Alpha, :start_link, [:a]}, :permanent, 5000, :worker, [Alpha]}], strategy: :one_for_one)
{:ok, pid} = Supervisor.start_child(sup, {:old, {Alpha, :start_link, [:x]}, :transient, 5000, :worker, [Alpha]})
IO.inspect(Agent.get(pid, & &1))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.start_child(sup, {:bad, {Alpha, :start_link, [:x]}, :sometimes, 5000, :worker, [Alpha]}))
