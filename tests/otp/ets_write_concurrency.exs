# A hash table created with write_concurrency (as Registry creates its
# tables) lists and traverses its buckets lock by lock, 64 locks apart, in
# OTP 25: the same buckets as a plain table, visited in another order.
defmodule Walk do
  def keys(t), do: walk(t, :ets.first(t), [])
  defp walk(_t, :"$end_of_table", acc), do: Enum.reverse(acc)
  defp walk(t, k, acc), do: walk(t, :ets.next(t, k), [k | acc])
end

for type <- [:set, :bag, :duplicate_bag], wc <- [true, :auto] do
  t = :ets.new(:t, [type, :public, write_concurrency: wc])
  for k <- [:a, :b, :c, "x", {1, 2}, 5, 3.0, -7, 1.5, "hello", [1, 2]], do: :ets.insert(t, {k, 1})
  IO.inspect({type, wc, Enum.map(:ets.tab2list(t), &elem(&1, 0))}, limit: :infinity)
  IO.inspect(Walk.keys(t) == Enum.reverse(Enum.map(:ets.tab2list(t), &elem(&1, 0))))
end

t = :ets.new(:big, [:set, :public, read_concurrency: true, write_concurrency: true])
for i <- 1..600, do: :ets.insert(t, {i * 7919, i})
for i <- 1..600, rem(i, 3) == 0, do: :ets.delete(t, i * 7919)
keys = Enum.map(:ets.tab2list(t), &elem(&1, 0))
IO.inspect(Enum.take(keys, 30), limit: :infinity)
IO.inspect({length(keys), Walk.keys(t) == Enum.reverse(keys)})
IO.inspect(:ets.select(t, [{{:"$1", :"$2"}, [{:<, :"$2", 40}], [:"$1"]}]), limit: :infinity)

{:ok, _} = Registry.start_link(keys: :unique, name: Names)
for k <- ["alpha", "beta", "gamma", "delta", 10, 20, 30, {7, 1}], do: Registry.register(Names, k, nil)
IO.inspect(Registry.select(Names, [{{:"$1", :_, :_}, [], [:"$1"]}]))
