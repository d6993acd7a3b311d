# select/3, match/3 and their continuations on hash tables read a bucket
# at a time and carry results over between calls as OTP 25 does: the
# chunks (shown by a hash of each whole sequence) and where the table's
# end shows match for sets and bags of many sizes and chunk sizes.
defmodule Chunks do
  def all(:"$end_of_table", acc), do: Enum.reverse(acc)
  def all({res, :"$end_of_table"}, acc), do: Enum.reverse([{length(res), res, :end} | acc])
  def all({res, cont}, acc), do: all(:ets.select(cont), [{length(res), res} | acc])
end
for type <- [:set, :bag, :duplicate_bag], n <- [5, 40, 300, 1000], size <- [1, 7, 37, 100] do
  t = :ets.new(:t, [type])
  for i <- 1..n, do: :ets.insert(t, {i * 13, i})
  if type != :set, do: for(i <- 1..div(n, 3), do: :ets.insert(t, {i * 13, -i}))
  for i <- 1..n, rem(i, 5) == 0, do: :ets.delete(t, i * 13)
  chunks = Chunks.all(:ets.select(t, [{{:"$1", :"$2"}, [], [{{:"$1", :"$2"}}]}], size), [])
  IO.puts("#{type} #{n} #{size}: #{:erlang.phash2(chunks)} #{length(chunks)}")
  chunks2 = Chunks.all(:ets.match(t, {:"$1", :_}, size), [])
  IO.puts("  match #{:erlang.phash2(chunks2)}")
end
t = :ets.new(:t, [:set])
for i <- 1..30, do: :ets.insert(t, {i, i * i})
IO.inspect(Chunks.all(:ets.select(t, [{{:"$1", :"$2"}, [{:>, :"$2", 100}], [:"$1"]}], 4), []))
for n <- [4, 9, 10, 12] do
  t = :ets.new(:o, [:ordered_set])
  for i <- 1..n, do: :ets.insert(t, {i})
  IO.inspect(Chunks.all(:ets.select(t, [{{:"$1"}, [], [:"$1"]}], 4), []))
  IO.inspect(Chunks.all(:ets.select_reverse(t, [{{:"$1"}, [], [:"$1"]}], 4), []))
end
t = :ets.new(:t, [:set])
for i <- 1..12, do: :ets.insert(t, {i * 13, i})
for size <- [1, 2, 5] do
  IO.inspect(Chunks.all(:ets.select(t, [{{:_, :"$1"}, [], [:"$1"]}], size), []), charlists: :as_lists)
end
