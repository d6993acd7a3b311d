# ETS match patterns: a map matches every map holding its keys (also %{} and
# maps of constants), as in match_object, select_count and Registry.match.
t = :ets.new(:t, [:set])
:ets.insert(t, [{1, %{kind: :io, load: 70}}, {2, %{kind: :io}}, {3, %{kind: :cpu}}, {4, :x}])
IO.inspect(:ets.match_object(t, {:_, %{kind: :io}}) |> Enum.sort())
IO.inspect(:ets.select_count(t, [{{:_, %{}}, [], [true]}]))
IO.inspect(:ets.match(t, {:"$1", %{kind: :io, load: :"$2"}}))
IO.inspect(:ets.select(t, [{{:"$1", %{kind: :cpu}}, [], [:"$1"]}]))
IO.inspect(:ets.match_object(t, {:_, %{%{} => 1}}))
{:ok, _} = Registry.start_link(keys: :duplicate, name: R)
Registry.register(R, :k, %{role: :a, n: 1})
Registry.register(R, :k, %{role: :b})
IO.inspect(Registry.match(R, :k, %{role: :a}) |> Enum.map(&elem(&1, 1)))
IO.inspect(Registry.match(R, :k, %{}) |> length())
