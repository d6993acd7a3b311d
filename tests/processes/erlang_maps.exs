defmodule T do
  def run(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    rescue
      e -> IO.inspect(e, label: label)
    catch
      k, r -> IO.inspect({k, r}, label: label)
    end
  end
end

f1 = fn x -> x end
f2 = fn k, v -> {k, v} end
f3 = fn k, a, b -> {k, a, b} end
T.run("gfl", fn -> {:maps.groups_from_list(&rem(&1, 2), [1, 2, 3, 4, 5]), :maps.groups_from_list(&rem(&1, 2), &(&1 * 10), [1, 2, 3]), :maps.groups_from_list(f1, []), :maps.groups_from_list(&String.length/1, ["a", "bb", "c", "dd", "eee"]), :maps.groups_from_list(&String.length/1, &String.upcase/1, ["a", "bb", "c"])} end)
T.run("gfl bad list", fn -> :maps.groups_from_list(f1, :a) end)
T.run("gfl bad fun", fn -> :maps.groups_from_list(:a, [1]) end)
T.run("gfl both bad", fn -> :maps.groups_from_list(:a, :b) end)
T.run("gfl3 bad fun", fn -> :maps.groups_from_list(f1, :a, [1]) end)
T.run("gfl3 bad", fn -> :maps.groups_from_list(f1, :a, :b) end)
T.run("gfl improper", fn -> :maps.groups_from_list(f1, [1 | 2]) end)
T.run("iw", fn -> {:maps.intersect_with(f3, %{a: 1, b: 2}, %{b: 3, c: 4}), :maps.intersect_with(f3, %{}, %{a: 1}), :maps.intersect_with(fn _, a, b -> a + b end, %{1 => 1, 1.0 => 2}, %{1 => 10}), :maps.intersect_with(fn _, a, b -> a * b end, %{x: 2, y: 3, z: 4}, %{y: 5, z: 6, w: 7})} end)
T.run("iw bad", fn -> :maps.intersect_with(f3, :a, %{}) end)
T.run("iw bad2", fn -> :maps.intersect_with(f3, %{}, :b) end)
T.run("iw badfun", fn -> :maps.intersect_with(f2, %{}, %{}) end)
T.run("iw all bad", fn -> :maps.intersect_with(:f, :a, :b) end)
T.run("intersect", fn -> :maps.intersect(%{a: 1, b: 2}, %{b: 3, c: 4}) end)
T.run("intersect bad", fn -> :maps.intersect(%{}, :b) end)
T.run("map bad", fn -> :maps.map(f2, :a) end)
T.run("map badfun", fn -> :maps.map(f1, %{}) end)
T.run("map both bad", fn -> :maps.map(:a, :m) end)
T.run("filter bad", fn -> :maps.filter(f2, :a) end)
T.run("filter badfun", fn -> :maps.filter(f1, %{}) end)
T.run("fold bad", fn -> :maps.fold(f3, 0, :a) end)
T.run("fold badfun", fn -> :maps.fold(f1, 0, %{}) end)
T.run("fold both bad", fn -> :maps.fold(:f, [], :a) end)
T.run("foreach bad", fn -> :maps.foreach(f2, :a) end)
T.run("foreach badfun", fn -> :maps.foreach(f1, %{}) end)
T.run("foreach both bad", fn -> :maps.foreach(:f, :a) end)
T.run("find bad", fn -> :maps.find(:a, :b) end)
T.run("update bad", fn -> :maps.update(:a, 1, %{}) end)
T.run("update bad map", fn -> :maps.update(:a, 1, :m) end)
T.run("with bad", fn -> :maps.with([:a], :m) end)
T.run("with badlist", fn -> :maps.with(:a, %{}) end)
T.run("without bad", fn -> :maps.without([:a], :m) end)
T.run("without badlist", fn -> :maps.without(:a, %{}) end)
T.run("update_with missing", fn -> :maps.update_with(:a, f1, %{}) end)
T.run("update_with badfun", fn -> :maps.update_with(:a, :f, %{a: 1}) end)
T.run("update_with4 badfun", fn -> :maps.update_with(:a, :f, 0, %{a: 1}) end)
T.run("update_with bad map", fn -> :maps.update_with(:a, f1, :m) end)
T.run("update_with4 bad", fn -> :maps.update_with(:a, f1, 0, :m) end)
T.run("take bad", fn -> :maps.take(:a, :m) end)
T.run("merge_with", fn -> :maps.merge_with(f3, %{a: 1}, %{a: 2, b: 3}) end)
T.run("merge_with bad", fn -> :maps.merge_with(f3, :a, %{}) end)
T.run("merge_with badfun", fn -> :maps.merge_with(f1, %{}, %{}) end)
T.run("merge_with badfun map", fn -> :maps.merge_with(f1, %{}, :a) end)
T.run("from_keys", fn -> :maps.from_keys([:a, :b], 0) end)
T.run("from_keys bad", fn -> :maps.from_keys(:a, 1) end)
T.run("from_keys improper", fn -> :maps.from_keys([1 | 2], 1) end)
T.run("filtermap", fn -> :maps.filtermap(fn k, v -> if v > 1, do: {true, {k, v}}, else: v == 1 end, %{a: 0, b: 1, c: 2}) end)
T.run("filtermap bad", fn -> :maps.filtermap(f2, :a) end)
T.run("filtermap badfun", fn -> :maps.filtermap(f1, %{}) end)
T.run("iterator", fn -> {:maps.next(:maps.iterator(%{a: 1})), :maps.next(:maps.iterator(%{a: 1, b: 2, c: 3})), :maps.next(:maps.iterator(%{})), :maps.iterator(%{}), :maps.next(:none), :maps.next({:x, 1, :none})} end)
T.run("iterator walk", fn ->
  {k, v, i} = :maps.next(:maps.iterator(%{a: 1, b: 2}))
  {k, v, :maps.next(i)}
end)
T.run("iterator bad", fn -> :maps.iterator(:a) end)
T.run("next bad", fn -> :maps.next(:a) end)
T.run("next bad2", fn -> :maps.next([0 | :a]) end)
T.run("fold", fn -> :maps.fold(fn k, v, acc -> [{k, v} | acc] end, [], %{b: 2, a: 1}) end)
T.run("map", fn -> :maps.map(fn _, v -> v * 2 end, %{a: 1}) end)
T.run("filter", fn -> :maps.filter(fn _, v -> v > 1 end, %{a: 1, b: 2}) end)
T.run("on iterators", fn -> it = :maps.iterator(%{a: 1, b: 2}); {:maps.map(fn _, v -> v + 1 end, it), :maps.map(fn _, v -> v + 1 end, elem(:maps.next(it), 2)), :maps.fold(fn k, v, a -> [{k, v} | a] end, [], it), :maps.filter(fn _, v -> v > 1 end, it), :maps.filtermap(fn _, v -> v == 1 end, it), :maps.foreach(fn _, _ -> :ok end, it)} end)
T.run("misc", fn -> {:maps.find(:a, %{a: 1}), :maps.find(:b, %{a: 1}), :maps.update(:a, 2, %{a: 1}), :maps.with([:a, :c], %{a: 1, b: 2}), :maps.without([:a], %{a: 1, b: 2}), :maps.update_with(:a, &(&1 + 1), %{a: 1}), :maps.update_with(:b, &(&1 + 1), 0, %{a: 1}), :maps.take(:a, %{a: 1, b: 2}), :maps.take(:z, %{}), :maps.new()} end)

# :maps.fold/3 and foreach/2 walk a map of more than 32 keys in its
# iterator order (not :maps.to_list/1 order).
big = Map.new(1..40, &{&1, []})
IO.inspect(:maps.fold(fn k, _, a -> [k | a] end, [], big) |> Enum.reverse() |> Enum.take(12))
