# ETS match patterns and match specifications. Set tables list their
# objects in an order of their own (Vial's hash order is not OTP's), so
# their results are sorted or compared with the table's own listing.
defmodule T do
  def show(label, fun) do
    result =
      try do
        fun.()
      rescue
        e -> {e.__struct__, Exception.message(e)}
      end

    IO.inspect(result, label: label)
  end
end

o = :ets.new(:ord, [:ordered_set])
:ets.insert(o, [{5, :five, "v"}, {3, :three, [1, 2]}, {9, :nine, %{k: 1}}, {1, :one, 1.5}, {7, :seven, 7}])
ms = fn head, guards, body -> [{head, guards, body}] end

T.show("select guard", fn -> :ets.select(o, ms.({:"$1", :"$2", :_}, [{:>, :"$1", 2}], [:"$2"])) end)
T.show("select $_", fn -> :ets.select(o, ms.({:"$1", :_, :_}, [{:"=<", :"$1", 3}], [:"$_"])) end)
T.show("select $$", fn -> :ets.select(o, ms.({:"$3", :_, :"$1"}, [], [:"$$"])) end)
T.show("tuple body", fn -> :ets.select(o, ms.({:"$1", :"$2", :_}, [{:<, :"$1", 4}], [{{:"$2", :"$1", {:const, :"$1"}}}])) end)
T.show("list body", fn -> :ets.select(o, ms.({:"$1", :"$2", :_}, [{:<, :"$1", 4}], [[:"$2", {:*, :"$1", 10}]])) end)
T.show("map body", fn -> :ets.select(o, ms.({:"$1", :"$2", :_}, [{:==, :"$1", 1}], [%{key: :"$2"}])) end)
T.show("arith", fn -> :ets.select(o, ms.({:"$1", :_, :_}, [], [{:+, {:div, :"$1", 2}, {:rem, :"$1", 2}}])) end)
T.show("type tests", fn ->
  :ets.select(o, [
    {{:"$1", :_, :"$2"}, [{:is_binary, :"$2"}], [{{:"$1", :binary}}]},
    {{:"$1", :_, :"$2"}, [{:is_list, :"$2"}], [{{:"$1", :list, {:length, :"$2"}, {:hd, :"$2"}}}]},
    {{:"$1", :_, :"$2"}, [{:is_map, :"$2"}, {:is_map_key, :k, :"$2"}], [{{:"$1", :map, {:map_get, :k, :"$2"}}}]},
    {{:"$1", :_, :"$2"}, [{:is_float, :"$2"}], [{{:"$1", :float, {:trunc, :"$2"}}}]},
    {:"$1", [], [{{:other, {:element, 1, :"$1"}, {:size, :"$1"}}}]}
  ])
end)
T.show("boolean ops", fn ->
  :ets.select(o, ms.({:"$1", :_, :"$2"}, [{:orelse, {:andalso, {:is_integer, :"$2"}, {:>, :"$2", 5}}, {:==, :"$1", 3}}], [:"$1"]))
end)
T.show("and/or/not", fn ->
  :ets.select(o, ms.({:"$1", :_, :_}, [{:or, {:==, :"$1", 1}, {:not, {:"/=", :"$1", 9}}}], [:"$1"]))
end)
T.show("guard error fails", fn -> :ets.select(o, ms.({:"$1", :_, :"$2"}, [{:>, {:+, :"$2", 1}, 0}], [:"$1"])) end)
T.show("body error EXIT", fn -> :ets.select(o, ms.({:"$1", :_, :"$2"}, [], [{:+, :"$2", 1}])) end)
T.show("exact compare", fn -> :ets.select(o, ms.({:_, :_, :"$1"}, [{:"=:=", :"$1", 7.0}], [:"$1"])) end)
T.show("loose compare", fn -> :ets.select(o, ms.({:_, :_, :"$1"}, [{:==, :"$1", 7.0}], [:"$1"])) end)
T.show("repeated var", fn -> :ets.select(o, ms.({:"$1", :_, :"$1"}, [], [:"$1"])) end)
T.show("clauses in order", fn ->
  :ets.select(o, [{{1, :_, :_}, [], [:first]}, {{:"$1", :_, :_}, [{:<, :"$1", 6}], [:second]}, {:_, [], [:third]}])
end)
T.show("select_reverse", fn -> :ets.select_reverse(o, ms.({:"$1", :_, :_}, [], [:"$1"])) end)
T.show("select_count", fn -> :ets.select_count(o, ms.({:"$1", :_, :_}, [], [{:>, :"$1", 4}])) end)
T.show("match", fn -> :ets.match(o, {:"$2", :"$1", :_}) end)
T.show("match none bound", fn -> :ets.match(o, {:_, :five, :_}) end)
T.show("match_object", fn -> :ets.match_object(o, {:_, :_, 7}) end)
T.show("match_object float", fn -> :ets.match_object(o, {:_, :_, 7.0}) end)

# Limits and continuations.
collect = fn collect, result, acc ->
  case result do
    :"$end_of_table" -> Enum.reverse(acc)
    {items, :"$end_of_table"} -> Enum.reverse([{items, :end} | acc])
    {items, cont} -> collect.(collect, :ets.select(cont), [items | acc])
  end
end

T.show("select/3", fn -> collect.(collect, :ets.select(o, ms.({:"$1", :_, :_}, [], [:"$1"]), 2), []) end)
T.show("select/3 exact", fn -> collect.(collect, :ets.select(o, ms.({:"$1", :_, :_}, [{:>, :"$1", 3}], [:"$1"]), 3), []) end)
T.show("select/3 none", fn -> :ets.select(o, ms.({:"$1", :_, :_}, [{:>, :"$1", 30}], [:"$1"]), 3) end)
T.show("select_reverse/3", fn -> collect.(collect, :ets.select_reverse(o, ms.({:"$1", :_, :_}, [], [:"$1"]), 3), []) end)
T.show("match/3", fn -> :ets.match(o, {:"$1", :_, :_}, 2) |> elem(0) end)
T.show("match_object/3", fn -> :ets.match_object(o, {:"$1", :_, :_}, 1) |> elem(0) end)
T.show("end of table", fn -> :ets.select(:"$end_of_table") end)

# Folds.
T.show("foldl ordered", fn -> :ets.foldl(fn {k, _, _}, acc -> [k | acc] end, [], o) end)
T.show("foldr ordered", fn -> :ets.foldr(fn {k, _, _}, acc -> [k | acc] end, [], o) end)

# A set: results in listing order; chunks reversed, as OTP gathers them.
s = :ets.new(:s, [:set])
:ets.insert(s, Enum.map(1..40, &{&1, rem(&1, 3)}))
all = :ets.select(s, ms.({:"$1", :"$2"}, [{:==, :"$2", 0}], [:"$1"]))
T.show("set select sorted", fn -> Enum.sort(all) end)
T.show("set select is listing order", fn -> all == for({k, 0} <- :ets.tab2list(s), do: k) end)
T.show("set chunks", fn ->
  chunks = collect.(collect, :ets.select(s, ms.({:"$1", :"$2"}, [{:==, :"$2", 0}], [:"$1"]), 5), [])
  {length(chunks), chunks |> Enum.map(fn {items, :end} -> items; items -> items end) |> Enum.reverse() |> Enum.concat() == all}
end)
T.show("set foldl prepending is tab2list", fn -> :ets.foldl(&[&1 | &2], [], s) == :ets.tab2list(s) end)
T.show("set foldr prepending is tab2list too", fn -> :ets.foldr(&[&1 | &2], [], s) == :ets.tab2list(s) end)
T.show("set key lookup", fn -> :ets.match_object(s, {7, :_}) end)
T.show("match_delete", fn -> {:ets.match_delete(s, {:_, 1}), :ets.info(s, :size)} end)
T.show("select_delete", fn -> {:ets.select_delete(s, ms.({:"$1", :_}, [{:>, :"$1", 20}], [true])), :ets.info(s, :size)} end)
T.show("select_delete non-true", fn -> {:ets.select_delete(s, ms.({:"$1", :_}, [], [:"$1"])), :ets.info(s, :size)} end)
T.show("left", fn -> Enum.sort(:ets.tab2list(s)) end)

# A bag: one key's objects in insertion order.
b = :ets.new(:b, [:duplicate_bag])
:ets.insert(b, [{:k, 1}, {:k, 2}, {:k, 3}, {:k, 2}])
T.show("bag match", fn -> :ets.match(b, {:k, :"$1"}) end)
T.show("bag chunk 1", fn -> :ets.select(b, ms.({:k, :"$1"}, [], [:"$1"]), 3) |> elem(0) end)
T.show("bag foldl", fn -> :ets.foldl(fn {_, v}, acc -> [v | acc] end, [], b) end)
T.show("bag foldr", fn -> :ets.foldr(fn {_, v}, acc -> [v | acc] end, [], b) end)
T.show("bag select_delete", fn -> {:ets.select_delete(b, ms.({:k, 2}, [], [true])), :ets.lookup(b, :k)} end)

# Errors.
T.show("bad function", fn -> :ets.select(o, ms.(:_, [], [{:foo, 1}])) end)
T.show("unbound variable", fn -> :ets.select(o, ms.({:"$1", :_, :_}, [], [:"$2"])) end)
T.show("not a list", fn -> :ets.select_count(o, :foo) end)
T.show("empty body", fn -> :ets.select_delete(o, ms.(:_, [], [])) end)
T.show("no table", fn -> :ets.select(:nope, :foo) end)
T.show("match no table", fn -> :ets.match(:nope, {:_}) end)
T.show("match_delete no table", fn -> :ets.match_delete(:nope, {:_}) end)
T.show("limit 0", fn -> :ets.select(o, ms.(:_, [], [true]), 0) end)
T.show("limit and spec", fn -> :ets.select(o, :bad, :x) end)
T.show("match limit", fn -> :ets.match(o, {:_}, -1) end)
T.show("continuation", fn -> :ets.select({:a, :b}) end)
T.show("foldl no table", fn -> :ets.foldl(fn x, acc -> [x | acc] end, [], :nope) end)
