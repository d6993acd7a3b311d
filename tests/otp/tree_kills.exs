# Tests a three-level supervision tree under 1,000 kills of leaf workers: every kill is repaired, the tree ends whole, and stopping it leaks no process.
defmodule Leaf do
  use GenServer

  def start_link({mid, leaf, parent}), do: GenServer.start_link(__MODULE__, {mid, leaf, parent})

  @impl true
  def init({mid, leaf, parent}) do
    send(parent, {:started, {mid, leaf}})
    {:ok, {mid, leaf}}
  end

  @impl true
  def handle_call(:id, _from, id), do: {:reply, id, id}
end

defmodule Tree do
  @strategies [:one_for_one, :one_for_all, :rest_for_one]
  @limits [max_restarts: 100_000, max_seconds: 1]

  def start(parent) do
    mids =
      for {strategy, m} <- Enum.with_index(@strategies) do
        leaves = for l <- 0..2, do: Supervisor.child_spec({Leaf, {m, l, parent}}, id: {:leaf, l})
        args = [leaves, [strategy: strategy] ++ @limits]
        %{id: {:mid, m}, start: {Supervisor, :start_link, args}, type: :supervisor}
      end

    Supervisor.start_link(mids, [strategy: :one_for_one] ++ @limits)
  end

  # Children of a supervisor as a list ordered by id: [{id, pid}].
  def children(sup) do
    for({id, pid, _, _} <- Supervisor.which_children(sup), do: {id, pid}) |> Enum.sort()
  end

  def mid(top, m),
    do: top |> children() |> Enum.find_value(fn {id, pid} -> if id == {:mid, m}, do: pid end)

  def leaves(mid), do: mid |> children() |> Enum.map(&elem(&1, 1))

  # Ask the supervisor until the victim is gone and every child is a live pid.
  def settle(mid, victim) do
    pids = leaves(mid)

    if victim in pids or not Enum.all?(pids, &(is_pid(&1) and Process.alive?(&1))),
      do: settle(mid, victim),
      else: pids
  end

  def drain(starts) do
    receive do
      {:started, key} -> drain(Map.update(starts, key, 1, &(&1 + 1)))
    after
      0 -> starts
    end
  end

  def lcg(x), do: rem(x * 1_103_515_245 + 12_345, 2_147_483_648)
end

start_count = length(Process.list())
{:ok, top} = Tree.start(self())
mids = for m <- 0..2, do: Tree.mid(top, m)
starts = Tree.drain(%{})
IO.puts("tree built: #{map_size(starts)} workers under #{length(mids)} supervisors")

{_, kills, changes, starts} =
  Enum.reduce(1..1000, {42, %{}, %{}, starts}, fn _, {x, kills, changes, starts} ->
    x = Tree.lcg(x)
    v = div(x, 65_536)
    {m, l} = {rem(v, 3), rem(div(v, 3), 3)}
    mid = Enum.at(mids, m)
    before = Tree.leaves(mid)
    victim = Enum.at(before, l)
    ref = Process.monitor(victim)
    Process.exit(victim, :kill)
    receive do: ({:DOWN, ^ref, :process, _, :killed} -> :ok)
    now = Tree.settle(mid, victim)

    changes =
      Enum.zip([before, now, 0..2])
      |> Enum.reduce(changes, fn {old, new, i}, acc ->
        if old != new, do: Map.update(acc, {m, i}, 1, &(&1 + 1)), else: acc
      end)

    {x, Map.update(kills, {m, l}, 1, &(&1 + 1)), changes, Tree.drain(starts)}
  end)

for m <- 0..2 do
  row = for l <- 0..2, do: "leaf #{l}: #{kills[{m, l}]} kills, #{changes[{m, l}]} restarts"
  IO.puts("mid #{m}: " <> Enum.join(row, "; "))
end

IO.puts("total kills: #{kills |> Map.values() |> Enum.sum()}")

# Every restart ran init/1 once more.
consistent = Enum.all?(starts, fn {k, n} -> n == 1 + Map.get(changes, k, 0) end)
IO.puts("starts = 1 + restarts for every worker: #{consistent}")

IO.puts("mid supervisors never restarted: #{Enum.map(0..2, &Tree.mid(top, &1)) == mids}")
IO.inspect(Supervisor.count_children(top), label: "top")

for {mid, m} <- Enum.with_index(mids) do
  IO.inspect(Supervisor.count_children(mid), label: "mid #{m}")
  ids = Enum.map(Tree.leaves(mid), &GenServer.call(&1, :id))
  IO.puts("mid #{m} workers answer: #{ids == for(l <- 0..2, do: {m, l})}")
end

IO.inspect(Supervisor.stop(top), label: "Supervisor.stop")
IO.puts("no leaked processes: #{length(Process.list()) == start_count}")
