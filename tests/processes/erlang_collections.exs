# OTP 25's :queue, :orddict, :gb_trees, :gb_sets and :sets (versions 1
# and 2) driven through every export on many shapes, against the real
# modules' results: each result line is hashed with a hundred others
# (T.report), and the first line of each hundred is shown.
defmodule T do
  def r(f) do
    try do
      {:ok, f.()}
    rescue
      e -> {:raised, e.__struct__, Exception.message(e)}
    catch
      k, r -> {:caught, k, r}
    end
  end

  # Each result line is kept, and `report/1` prints a hash of every
  # hundred, so that a difference shows where it is.
  def p(label, f) do
    line = "#{label}: #{inspect(r(f), limit: :infinity, width: 100000)}"
    Process.put(:lines, [line | Process.get(:lines, [])])
  end

  def report(name) do
    lines = Enum.reverse(Process.put(:lines, []) || [])
    IO.puts("#{name}: #{length(lines)} results")
    lines
    |> Enum.chunk_every(100)
    |> Enum.with_index()
    |> Enum.each(fn {block, i} -> IO.puts("  #{i * 100 + 1}: #{:erlang.phash2(block)} #{hd(block) |> String.slice(0, 40)}") end)
  end

  # A linear congruential generator: the same numbers on both runtimes.
  def next(seed), do: rem(seed * 1103515245 + 12345, 2147483648)
  def pick(seed, n), do: rem(div(seed, 65536), n)

  # n pseudo-random integers below max, from seed.
  def ints(seed, n, max), do: ints(seed, n, max, [])
  defp ints(_seed, 0, _max, acc), do: Enum.reverse(acc)
  defp ints(seed, n, max, acc) do
    s = next(seed)
    ints(s, n - 1, max, [pick(s, max) | acc])
  end
end
defmodule QT do
  def op(q, 0, x), do: :queue.in(x, q)
  def op(q, 1, x), do: :queue.in_r(x, q)
  def op(q, 2, _), do: elem(:queue.out(q), 1)
  def op(q, 3, _), do: elem(:queue.out_r(q), 1)
  def op(q, 4, _), do: if(:queue.is_empty(q), do: q, else: :queue.drop(q))
  def op(q, 5, _), do: if(:queue.is_empty(q), do: q, else: :queue.drop_r(q))
  def op(q, 6, x), do: :queue.cons(x, q)
  def op(q, 7, x), do: :queue.snoc(q, x)
  def op(q, 8, _), do: if(:queue.is_empty(q), do: q, else: :queue.tail(q))
  def op(q, 9, _), do: if(:queue.is_empty(q), do: q, else: :queue.liat(q))
  def op(q, 10, x), do: :queue.in(x, q)
  def op(q, 11, x), do: :queue.in(x, q)
  def op(q, 12, x), do: :queue.join(q, :queue.from_list(Enum.to_list(x..(x + rem(x, 4)))))
  def op(q, 13, x), do: elem(:queue.split(div(:queue.len(q), 2), q), rem(x, 2))
  def op(q, 14, x), do: :queue.delete(rem(x, 10), q)
  def op(q, 15, x), do: :queue.delete_r(rem(x, 10), q)

  def checks(tag, q) do
    n = :queue.len(q)
    T.p("#{tag} q", fn -> q end)
    T.p("#{tag} len", fn -> :queue.len(q) end)
    T.p("#{tag} to_list", fn -> :queue.to_list(q) end)
    T.p("#{tag} is_empty", fn -> :queue.is_empty(q) end)
    T.p("#{tag} is_queue", fn -> :queue.is_queue(q) end)
    T.p("#{tag} peek", fn -> :queue.peek(q) end)
    T.p("#{tag} peek_r", fn -> :queue.peek_r(q) end)
    T.p("#{tag} get", fn -> :queue.get(q) end)
    T.p("#{tag} get_r", fn -> :queue.get_r(q) end)
    T.p("#{tag} head", fn -> :queue.head(q) end)
    T.p("#{tag} last", fn -> :queue.last(q) end)
    T.p("#{tag} daeh", fn -> :queue.daeh(q) end)
    T.p("#{tag} out", fn -> :queue.out(q) end)
    T.p("#{tag} out_r", fn -> :queue.out_r(q) end)
    T.p("#{tag} drop", fn -> :queue.drop(q) end)
    T.p("#{tag} drop_r", fn -> :queue.drop_r(q) end)
    T.p("#{tag} tail", fn -> :queue.tail(q) end)
    T.p("#{tag} init", fn -> :queue.init(q) end)
    T.p("#{tag} liat", fn -> :queue.liat(q) end)
    T.p("#{tag} lait", fn -> :queue.lait(q) end)
    T.p("#{tag} reverse", fn -> :queue.reverse(q) end)
    T.p("#{tag} member3", fn -> :queue.member(3, q) end)
    T.p("#{tag} member3.0", fn -> :queue.member(3.0, q) end)
    for k <- 0..(n + 1), do: T.p("#{tag} split #{k}", fn -> :queue.split(k, q) end)
    T.p("#{tag} filter even", fn -> :queue.filter(fn x -> rem(x, 2) == 0 end, q) end)
    T.p("#{tag} filter list", fn -> :queue.filter(fn x -> if rem(x, 3) == 0, do: [], else: [x, x * 10] end, q) end)
    T.p("#{tag} filter single", fn -> :queue.filter(fn x -> [x + 1] end, q) end)
    T.p("#{tag} filter bad", fn -> :queue.filter(fn _ -> :bad end, q) end)
    T.p("#{tag} filtermap", fn -> :queue.filtermap(fn x -> if rem(x, 2) == 0, do: {true, x * 2}, else: rem(x, 3) == 0 end, q) end)
    T.p("#{tag} fold", fn -> :queue.fold(fn x, acc -> [x | acc] end, [], q) end)
    T.p("#{tag} any", fn -> :queue.any(fn x -> x > 5 end, q) end)
    T.p("#{tag} all", fn -> :queue.all(fn x -> x > 1 end, q) end)
    T.p("#{tag} any bad", fn -> :queue.any(fn x -> x end, q) end)
    for x <- [0, 1, 3, 5, 7, 100] do
      T.p("#{tag} delete #{x}", fn -> :queue.delete(x, q) end)
      T.p("#{tag} delete_r #{x}", fn -> :queue.delete_r(x, q) end)
      T.p("#{tag} delete_with #{x}", fn -> :queue.delete_with(fn y -> y == x end, q) end)
      T.p("#{tag} delete_with_r #{x}", fn -> :queue.delete_with_r(fn y -> y == x end, q) end)
    end
    T.p("#{tag} join self", fn -> :queue.join(q, q) end)
    T.p("#{tag} join empty", fn -> :queue.join(q, :queue.new()) end)
    T.p("#{tag} join empty2", fn -> :queue.join(:queue.new(), q) end)
    T.p("#{tag} join 3", fn -> :queue.join({[3, 2], [1]}, q) end)
    T.p("#{tag} cons", fn -> :queue.cons(99, q) end)
    T.p("#{tag} snoc", fn -> :queue.snoc(q, 99) end)
    T.p("#{tag} in_r", fn -> :queue.in_r(99, q) end)
  end

  def run(seed, 0, q, _i), do: {seed, q}
  def run(seed, steps, q, i) do
    s1 = T.next(seed)
    s2 = T.next(s1)
    o = T.pick(s1, 16)
    x = T.pick(s2, 12)
    q2 = op(q, o, x)
    T.p("seq #{i} op #{o} #{x}", fn -> q2 end)
    if rem(i, 5) == 0, do: checks("s#{i}", q2)
    run(s2, steps - 1, q2, i + 1)
  end
end

for l <- [[], [1], [1, 2], [1, 2, 3], Enum.to_list(1..4), Enum.to_list(1..5), Enum.to_list(1..10), [3, 3, 1, 3, 2]] do
  QT.checks("fl#{inspect(l)}", :queue.from_list(l))
end
for q <- [{[1], []}, {[], [1]}, {[2, 1], []}, {[], [1, 2]}, {[5, 4, 3], []}, {[], [1, 2, 3, 4]}, {[3], [1, 2]}, {[6, 5, 4], [1, 2, 3]}, {[4, 3, 3], []}, {[], [3, 1, 3]}] do
  QT.checks("raw#{inspect(q)}", q)
end
QT.run(42, 400, :queue.new(), 0)
QT.run(7, 300, :queue.from_list([1, 2, 3]), 1000)

# errors on non-queues
bad = [:x, {1, 2}, {[1], :a}, [1], {[], [], []}]
for b <- bad do
  for {name, f} <- [
        len: fn -> :queue.len(b) end, is_empty: fn -> :queue.is_empty(b) end,
        to_list: fn -> :queue.to_list(b) end, member: fn -> :queue.member(1, b) end,
        in: fn -> :queue.in(1, b) end, in_r: fn -> :queue.in_r(1, b) end,
        out: fn -> :queue.out(b) end, out_r: fn -> :queue.out_r(b) end,
        get: fn -> :queue.get(b) end, get_r: fn -> :queue.get_r(b) end,
        peek: fn -> :queue.peek(b) end, peek_r: fn -> :queue.peek_r(b) end,
        drop: fn -> :queue.drop(b) end, drop_r: fn -> :queue.drop_r(b) end,
        reverse: fn -> :queue.reverse(b) end, join: fn -> :queue.join(b, {[], []}) end,
        join2: fn -> :queue.join({[], []}, b) end, split: fn -> :queue.split(1, b) end,
        filter: fn -> :queue.filter(fn _ -> true end, b) end,
        filtermap: fn -> :queue.filtermap(fn _ -> true end, b) end,
        fold: fn -> :queue.fold(fn _, a -> a end, 0, b) end,
        any: fn -> :queue.any(fn _ -> true end, b) end, all: fn -> :queue.all(fn _ -> true end, b) end,
        delete: fn -> :queue.delete(1, b) end, delete_r: fn -> :queue.delete_r(1, b) end,
        delete_with: fn -> :queue.delete_with(fn _ -> true end, b) end,
        delete_with_r: fn -> :queue.delete_with_r(fn _ -> true end, b) end,
        cons: fn -> :queue.cons(1, b) end, head: fn -> :queue.head(b) end, tail: fn -> :queue.tail(b) end,
        snoc: fn -> :queue.snoc(b, 1) end, last: fn -> :queue.last(b) end, daeh: fn -> :queue.daeh(b) end,
        init: fn -> :queue.init(b) end, liat: fn -> :queue.liat(b) end, lait: fn -> :queue.lait(b) end,
        is_queue: fn -> :queue.is_queue(b) end, from_list: fn -> :queue.from_list(b) end
      ] do
    T.p("bad #{inspect(b)} #{name}", f)
  end
end
q = :queue.from_list([1, 2, 3])
T.p("split -1", fn -> :queue.split(-1, q) end)
T.p("split 4", fn -> :queue.split(4, q) end)
T.p("split a", fn -> :queue.split(:a, q) end)
T.p("filter arity", fn -> :queue.filter(fn _, _ -> true end, q) end)
T.p("fold arity", fn -> :queue.fold(fn _ -> true end, 0, q) end)
T.p("filtermap bad", fn -> :queue.filtermap(fn _ -> :x end, q) end)
T.p("all bad", fn -> :queue.all(fn _ -> :x end, q) end)
T.p("delete_with bad", fn -> :queue.delete_with(fn _ -> :x end, q) end)
T.p("from_list improper", fn -> :queue.from_list([1, 2 | 3]) end)
T.p("inspect", fn -> inspect(:queue.from_list(Enum.to_list(1..20))) end)
T.p("delete float", fn -> :queue.delete(1.0, :queue.from_list([1, 1.0, 2])) end)
T.p("delete_r float", fn -> :queue.delete_r(1.0, {[1.0, 1, 2], [1.0]}) end)
T.report("queue")
keyset = [1, 2, 3, 1.0, 2.5, :a, :b, "s", {1, 2}, [1], -1, 0, 10]
defmodule OT do
  def key(keys, i), do: Enum.at(keys, rem(i, length(keys)))
end
seeds = [1, 2, 3, 99, 12345]
lists =
  [[], [{1, :a}], [{1, :a}, {1.0, :b}], [{2, :x}, {1, :y}, {2, :z}, {1.0, :w}], [{:b, 1}, {:a, 2}, {1, 3}], [{3, 1}, {1, 1}]] ++
    for s <- seeds, n <- [3, 8, 20] do
      is = T.ints(s, n, 1000)
      Enum.map(is, fn i -> {OT.key(keyset, i), i} end)
    end
for {l, li} <- Enum.with_index(lists) do
  d = :orddict.from_list(l)
  tag = "d#{li}"
  T.p("#{tag} from_list", fn -> d end)
  T.p("#{tag} size", fn -> :orddict.size(d) end)
  T.p("#{tag} is_empty", fn -> :orddict.is_empty(d) end)
  T.p("#{tag} to_list", fn -> :orddict.to_list(d) end)
  T.p("#{tag} fetch_keys", fn -> :orddict.fetch_keys(d) end)
  for k <- keyset ++ [:zz, 100, 1.5] do
    T.p("#{tag} is_key #{inspect(k)}", fn -> :orddict.is_key(k, d) end)
    T.p("#{tag} fetch #{inspect(k)}", fn -> :orddict.fetch(k, d) end)
    T.p("#{tag} find #{inspect(k)}", fn -> :orddict.find(k, d) end)
    T.p("#{tag} erase #{inspect(k)}", fn -> :orddict.erase(k, d) end)
    T.p("#{tag} take #{inspect(k)}", fn -> :orddict.take(k, d) end)
    T.p("#{tag} store #{inspect(k)}", fn -> :orddict.store(k, :new, d) end)
    T.p("#{tag} append #{inspect(k)}", fn -> :orddict.append(k, :new, d) end)
    T.p("#{tag} append_list #{inspect(k)}", fn -> :orddict.append_list(k, [:n1, :n2], d) end)
    T.p("#{tag} update #{inspect(k)}", fn -> :orddict.update(k, fn v -> {:upd, v} end, d) end)
    T.p("#{tag} update4 #{inspect(k)}", fn -> :orddict.update(k, fn v -> {:upd, v} end, :init, d) end)
    T.p("#{tag} update_counter #{inspect(k)}", fn -> :orddict.update_counter(k, 5, d) end)
  end
  T.p("#{tag} fold", fn -> :orddict.fold(fn k, v, acc -> [{k, v} | acc] end, [], d) end)
  T.p("#{tag} map", fn -> :orddict.map(fn k, v -> {k, v} end, d) end)
  T.p("#{tag} filter", fn -> :orddict.filter(fn _k, v -> is_integer(v) and rem(v, 2) == 0 end, d) end)
  T.p("#{tag} filter bad", fn -> :orddict.filter(fn _k, _v -> :x end, d) end)
  for {l2, l2i} <- Enum.with_index(Enum.take(lists, 8)) do
    d2 = :orddict.from_list(l2)
    T.p("#{tag} merge #{l2i}", fn -> :orddict.merge(fn k, a, b -> {k, a, b} end, d, d2) end)
  end
end
T.p("from_list bad", fn -> :orddict.from_list([:x, {1, 2}]) end)
T.p("from_list bad2", fn -> :orddict.from_list([{1, 2}, {1, 2, 3}]) end)
T.p("from_list one bad", fn -> :orddict.from_list([:x]) end)
T.p("from_list not list", fn -> :orddict.from_list(:x) end)
T.p("fold badf", fn -> :orddict.fold(:x, 0, []) end)
T.p("map badf", fn -> :orddict.map(:x, []) end)
T.p("merge badf", fn -> :orddict.merge(:x, [], []) end)
T.p("filter badf", fn -> :orddict.filter(:x, []) end)
T.p("update_counter bad", fn -> :orddict.update_counter(1, 1, [{1, :a}]) end)
T.p("append bad", fn -> :orddict.append(1, 1, [{1, :a}]) end)
T.p("size bad", fn -> :orddict.size(:x) end)
T.p("is_empty bad", fn -> :orddict.is_empty(:x) end)
T.p("new", fn -> :orddict.new() end)
T.report("orddict")
defmodule GT do
  def build(keys), do: Enum.reduce(keys, :gb_trees.empty(), fn k, t -> :gb_trees.enter(k, {:v, k}, t) end)

  def iter_all(it, acc) do
    case :gb_trees.next(it) do
      :none -> Enum.reverse(acc)
      {k, v, it2} -> iter_all(it2, [{k, v} | acc])
    end
  end

  def checks(tag, t, probe) do
    T.p("#{tag} tree", fn -> t end)
    T.p("#{tag} size", fn -> :gb_trees.size(t) end)
    T.p("#{tag} is_empty", fn -> :gb_trees.is_empty(t) end)
    T.p("#{tag} to_list", fn -> :gb_trees.to_list(t) end)
    T.p("#{tag} keys", fn -> :gb_trees.keys(t) end)
    T.p("#{tag} values", fn -> :gb_trees.values(t) end)
    T.p("#{tag} balance", fn -> :gb_trees.balance(t) end)
    T.p("#{tag} smallest", fn -> :gb_trees.smallest(t) end)
    T.p("#{tag} largest", fn -> :gb_trees.largest(t) end)
    T.p("#{tag} take_smallest", fn -> :gb_trees.take_smallest(t) end)
    T.p("#{tag} take_largest", fn -> :gb_trees.take_largest(t) end)
    T.p("#{tag} iterator", fn -> :gb_trees.iterator(t) end)
    T.p("#{tag} iter_all", fn -> iter_all(:gb_trees.iterator(t), []) end)
    T.p("#{tag} map", fn -> :gb_trees.map(fn k, v -> {k, v, :m} end, t) end)
    for k <- probe do
      T.p("#{tag} lookup #{inspect(k)}", fn -> :gb_trees.lookup(k, t) end)
      T.p("#{tag} get #{inspect(k)}", fn -> :gb_trees.get(k, t) end)
      T.p("#{tag} is_defined #{inspect(k)}", fn -> :gb_trees.is_defined(k, t) end)
      T.p("#{tag} insert #{inspect(k)}", fn -> :gb_trees.insert(k, :ins, t) end)
      T.p("#{tag} update #{inspect(k)}", fn -> :gb_trees.update(k, :upd, t) end)
      T.p("#{tag} enter #{inspect(k)}", fn -> :gb_trees.enter(k, :ent, t) end)
      T.p("#{tag} delete #{inspect(k)}", fn -> :gb_trees.delete(k, t) end)
      T.p("#{tag} delete_any #{inspect(k)}", fn -> :gb_trees.delete_any(k, t) end)
      T.p("#{tag} take #{inspect(k)}", fn -> :gb_trees.take(k, t) end)
      T.p("#{tag} take_any #{inspect(k)}", fn -> :gb_trees.take_any(k, t) end)
      T.p("#{tag} iterator_from #{inspect(k)}", fn -> iter_all(:gb_trees.iterator_from(k, t), []) end)
      T.p("#{tag} iterator_from raw #{inspect(k)}", fn -> :gb_trees.iterator_from(k, t) end)
    end
  end
end

# Insert sequences, printing every intermediate tree.
for {seed, n, max} <- [{1, 60, 100}, {2, 100, 1000}, {3, 40, 10}, {4, 200, 100000}] do
  keys = T.ints(seed, n, max)
  Enum.reduce(Enum.with_index(keys), :gb_trees.empty(), fn {k, i}, t ->
    t2 = if :gb_trees.is_defined(k, t), do: :gb_trees.update(k, i, t), else: :gb_trees.insert(k, i, t)
    T.p("ins #{seed} #{i} #{k}", fn -> t2 end)
    t2
  end)
end
# Sorted inserts (rebalancing)
Enum.reduce(1..100, :gb_trees.empty(), fn k, t ->
  t2 = :gb_trees.insert(k, k, t)
  T.p("asc #{k}", fn -> t2 end)
  t2
end)
Enum.reduce(100..1, :gb_trees.empty(), fn k, t ->
  t2 = :gb_trees.insert(k, k, t)
  T.p("desc #{k}", fn -> t2 end)
  t2
end)
# Deletion sequences
t = GT.build(T.ints(11, 80, 200))
Enum.reduce(T.ints(12, 120, 200), t, fn k, t ->
  t2 = :gb_trees.delete_any(k, t)
  T.p("del #{k}", fn -> t2 end)
  t2
end)
Enum.reduce(1..30, GT.build(T.ints(13, 50, 1000)), fn i, t ->
  if :gb_trees.is_empty(t) do
    t
  else
    {k, v, t2} = if rem(i, 2) == 0, do: :gb_trees.take_smallest(t), else: :gb_trees.take_largest(t)
    T.p("takesl #{i} #{k} #{inspect(v)}", fn -> t2 end)
    t2
  end
end)

trees = [
  {"empty", :gb_trees.empty()},
  {"one", GT.build([5])},
  {"two", GT.build([5, 3])},
  {"r20", GT.build(T.ints(21, 20, 50))},
  {"asc15", GT.build(Enum.to_list(1..15))},
  {"mixed", GT.build([1, 2.5, :a, "b", {1}, [2], 3, 1.5])},
  {"od", :gb_trees.from_orddict(Enum.map(1..10, &{&1, &1 * &1}))},
  {"od0", :gb_trees.from_orddict([])}
]
for {tag, t} <- trees do
  GT.checks(tag, t, [0, 1, 1.0, 2, 3, 5, 7, 12, 25, 49, 50, :a, "b", 2.5, 100])
end
for n <- 0..20 do
  T.p("from_orddict #{n}", fn -> :gb_trees.from_orddict(Enum.map(1..n//1, &{&1, n})) end)
end
T.p("map order", fn ->
  :gb_trees.map(fn k, v -> send(self(), k); v end, GT.build([5, 3, 8, 1, 4, 7, 9]))
  :timer.sleep(1)
  Enum.map(1..7, fn _ -> receive do x -> x end end)
end)
T.p("insert existing", fn -> :gb_trees.insert(1, 1, GT.build([1])) end)
T.p("insert existing float", fn -> :gb_trees.insert(1.0, 1, GT.build([1])) end)
T.p("size bad", fn -> :gb_trees.size(:x) end)
T.p("size bad2", fn -> :gb_trees.size({-1, nil}) end)
T.p("lookup bad", fn -> :gb_trees.lookup(1, :x) end)
T.p("get bad", fn -> :gb_trees.get(1, :x) end)
T.p("insert bad", fn -> :gb_trees.insert(1, 1, {:a, nil}) end)
T.p("delete bad", fn -> :gb_trees.delete(1, {:a, nil}) end)
T.p("map bad", fn -> :gb_trees.map(:x, :gb_trees.empty()) end)
T.p("next bad", fn -> :gb_trees.next(:x) end)
T.p("balance bad", fn -> :gb_trees.balance(:x) end)
T.p("from_orddict bad", fn -> :gb_trees.from_orddict([:x]) end)
T.p("is_empty other", fn -> :gb_trees.is_empty({0, :x}) end)
T.p("take_smallest empty", fn -> :gb_trees.take_smallest(:gb_trees.empty()) end)
T.p("take_largest empty", fn -> :gb_trees.take_largest(:gb_trees.empty()) end)
T.p("smallest empty", fn -> :gb_trees.smallest(:gb_trees.empty()) end)
T.p("largest empty", fn -> :gb_trees.largest(:gb_trees.empty()) end)
T.p("update missing", fn -> :gb_trees.update(3, 3, :gb_trees.empty()) end)
T.report("gb_trees")
defmodule GS do
  def iter_all(it, acc) do
    case :gb_sets.next(it) do
      :none -> Enum.reverse(acc)
      {k, it2} -> iter_all(it2, [k | acc])
    end
  end

  def checks(tag, s, probe) do
    T.p("#{tag} set", fn -> s end)
    T.p("#{tag} size", fn -> :gb_sets.size(s) end)
    T.p("#{tag} is_empty", fn -> :gb_sets.is_empty(s) end)
    T.p("#{tag} is_set", fn -> :gb_sets.is_set(s) end)
    T.p("#{tag} to_list", fn -> :gb_sets.to_list(s) end)
    T.p("#{tag} balance", fn -> :gb_sets.balance(s) end)
    T.p("#{tag} smallest", fn -> :gb_sets.smallest(s) end)
    T.p("#{tag} largest", fn -> :gb_sets.largest(s) end)
    T.p("#{tag} take_smallest", fn -> :gb_sets.take_smallest(s) end)
    T.p("#{tag} take_largest", fn -> :gb_sets.take_largest(s) end)
    T.p("#{tag} iterator", fn -> :gb_sets.iterator(s) end)
    T.p("#{tag} iter_all", fn -> iter_all(:gb_sets.iterator(s), []) end)
    T.p("#{tag} fold", fn -> :gb_sets.fold(fn x, a -> [x | a] end, [], s) end)
    T.p("#{tag} filter", fn -> :gb_sets.filter(fn x -> is_integer(x) and rem(x, 2) == 0 end, s) end)
    T.p("#{tag} filter bad", fn -> :gb_sets.filter(fn _ -> :x end, s) end)
    for k <- probe do
      T.p("#{tag} is_member #{inspect(k)}", fn -> :gb_sets.is_member(k, s) end)
      T.p("#{tag} is_element #{inspect(k)}", fn -> :gb_sets.is_element(k, s) end)
      T.p("#{tag} insert #{inspect(k)}", fn -> :gb_sets.insert(k, s) end)
      T.p("#{tag} add #{inspect(k)}", fn -> :gb_sets.add(k, s) end)
      T.p("#{tag} add_element #{inspect(k)}", fn -> :gb_sets.add_element(k, s) end)
      T.p("#{tag} delete #{inspect(k)}", fn -> :gb_sets.delete(k, s) end)
      T.p("#{tag} delete_any #{inspect(k)}", fn -> :gb_sets.delete_any(k, s) end)
      T.p("#{tag} del_element #{inspect(k)}", fn -> :gb_sets.del_element(k, s) end)
      T.p("#{tag} iterator_from #{inspect(k)}", fn -> iter_all(:gb_sets.iterator_from(k, s), []) end)
      T.p("#{tag} iterator_from raw #{inspect(k)}", fn -> :gb_sets.iterator_from(k, s) end)
    end
  end
end

for {seed, n, max} <- [{1, 60, 100}, {2, 100, 1000}, {4, 150, 100000}] do
  keys = T.ints(seed, n, max)
  Enum.reduce(Enum.with_index(keys), :gb_sets.new(), fn {k, i}, s ->
    s2 = :gb_sets.add(k, s)
    T.p("add #{seed} #{i} #{k}", fn -> s2 end)
    s2
  end)
end
Enum.reduce(1..80, :gb_sets.empty(), fn k, s ->
  s2 = :gb_sets.insert(k, s)
  T.p("asc #{k}", fn -> s2 end)
  s2
end)
Enum.reduce(T.ints(5, 100, 150), :gb_sets.from_list(T.ints(6, 80, 150)), fn k, s ->
  s2 = :gb_sets.del_element(k, s)
  T.p("del #{k}", fn -> s2 end)
  s2
end)

sets = [
  {"empty", :gb_sets.empty()},
  {"single", :gb_sets.singleton(5)},
  {"fl", :gb_sets.from_list([3, 1, 2, 1.0, 3.0, 7])},
  {"fl2", :gb_sets.from_list([1.0, 1, :a, "s", {1}, [], 2.0, 2])},
  {"r20", :gb_sets.from_list(T.ints(21, 20, 50))},
  {"fo", :gb_sets.from_ordset([1, 3, 5, 7, 9, 11, 13])}
]
for {tag, s} <- sets, do: GS.checks(tag, s, [0, 1, 1.0, 2, 3, 5, 7, 25, :a, 100])

# set algebra with sizes around the strategy thresholds
mk = fn seed, n, max -> :gb_sets.from_list(T.ints(seed, n, max)) end
pool =
  [:gb_sets.empty(), :gb_sets.from_list([1, 2, 3]), :gb_sets.from_list([1.0, 2.0, 5]), mk.(31, 5, 20), mk.(32, 9, 20), mk.(33, 10, 30),
   mk.(34, 12, 30), mk.(35, 30, 60), mk.(36, 60, 100), mk.(37, 200, 400), mk.(38, 15, 400), mk.(39, 3, 400), mk.(40, 400, 500),
   :gb_sets.from_list(Enum.to_list(1..50)), :gb_sets.from_list(Enum.to_list(1..10))]
for {a, i} <- Enum.with_index(pool), {b, j} <- Enum.with_index(pool) do
  T.p("union #{i} #{j}", fn -> :gb_sets.union(a, b) end)
  T.p("intersection #{i} #{j}", fn -> :gb_sets.intersection(a, b) end)
  T.p("difference #{i} #{j}", fn -> :gb_sets.difference(a, b) end)
  T.p("subtract #{i} #{j}", fn -> :gb_sets.subtract(a, b) end)
  T.p("is_subset #{i} #{j}", fn -> :gb_sets.is_subset(a, b) end)
  T.p("is_disjoint #{i} #{j}", fn -> :gb_sets.is_disjoint(a, b) end)
end
T.p("union list", fn -> :gb_sets.union(Enum.take(pool, 5)) end)
T.p("union []", fn -> :gb_sets.union([]) end)
T.p("intersection list", fn -> :gb_sets.intersection(Enum.take(pool, 4)) end)
T.p("intersection list2", fn -> :gb_sets.intersection([Enum.at(pool, 9), Enum.at(pool, 12), Enum.at(pool, 8)]) end)
T.p("intersection []", fn -> :gb_sets.intersection([]) end)
T.p("subset self", fn -> :gb_sets.is_subset(Enum.at(pool, 12), Enum.at(pool, 12)) end)
T.p("sub subset", fn -> :gb_sets.is_subset(:gb_sets.from_list(Enum.take(:gb_sets.to_list(Enum.at(pool, 12)), 20)), Enum.at(pool, 12)) end)
for n <- 0..20, do: T.p("from_ordset #{n}", fn -> :gb_sets.from_ordset(Enum.to_list(1..n//1)) end)
T.p("insert existing", fn -> :gb_sets.insert(1, :gb_sets.from_list([1, 2])) end)
T.p("size bad", fn -> :gb_sets.size(:x) end)
T.p("is_member bad", fn -> :gb_sets.is_member(1, :x) end)
T.p("delete missing", fn -> :gb_sets.delete(9, :gb_sets.from_list([1, 2])) end)
T.p("take_smallest empty", fn -> :gb_sets.take_smallest(:gb_sets.empty()) end)
T.p("take_largest empty", fn -> :gb_sets.take_largest(:gb_sets.empty()) end)
T.p("smallest empty", fn -> :gb_sets.smallest(:gb_sets.empty()) end)
T.p("largest empty", fn -> :gb_sets.largest(:gb_sets.empty()) end)
T.p("is_set bad", fn -> {:gb_sets.is_set({1, nil}), :gb_sets.is_set({-1, {1, nil, nil}}), :gb_sets.is_set([])} end)
T.p("filter badf", fn -> :gb_sets.filter(:x, :gb_sets.empty()) end)
T.p("fold badf", fn -> :gb_sets.fold(:x, 0, :gb_sets.empty()) end)
T.p("from_list bad", fn -> :gb_sets.from_list(:x) end)
T.p("next bad", fn -> :gb_sets.next(:x) end)
T.p("union bad", fn -> :gb_sets.union(:x, :gb_sets.empty()) end)
T.p("fold order", fn -> :gb_sets.fold(fn x, a -> send(self(), x); a end, 0, :gb_sets.from_list([5, 1, 3])); Enum.map(1..3, fn _ -> receive do x -> x end end) end)
T.report("gb_sets")
defmodule ST do
  def elt(i) do
    case rem(i, 6) do
      0 -> i
      1 -> :"a#{i}"
      2 -> {i, :t}
      3 -> "s#{i}"
      4 -> i / 4
      5 -> [i, :x]
    end
  end

  # no atoms or tuples: Vial orders maps of more than 32 such keys unlike the BEAM
  def elt2(i) do
    case rem(i, 4) do
      0 -> i
      1 -> "s#{i}"
      2 -> i / 4
      3 -> [i, 7]
    end
  end

  def checks(tag, s) do
    T.p("#{tag} set", fn -> s end)
    T.p("#{tag} size", fn -> :sets.size(s) end)
    T.p("#{tag} is_empty", fn -> :sets.is_empty(s) end)
    T.p("#{tag} is_set", fn -> :sets.is_set(s) end)
    T.p("#{tag} to_list", fn -> :sets.to_list(s) end)
    T.p("#{tag} fold", fn -> :sets.fold(fn e, a -> [e | a] end, [], s) end)
    T.p("#{tag} filter", fn -> :sets.filter(fn e -> is_integer(e) end, s) end)
    T.p("#{tag} filter tl", fn -> :sets.to_list(:sets.filter(fn e -> not is_integer(e) end, s)) end)
    T.p("#{tag} filter bad", fn -> :sets.filter(fn _ -> :x end, s) end)
    for e <- [0, 1, 6, :a1, {2, :t}, "s3", 1.0, 0.0, [5, :x], :nope] do
      T.p("#{tag} is_element #{inspect(e)}", fn -> :sets.is_element(e, s) end)
      T.p("#{tag} add #{inspect(e)}", fn -> :sets.add_element(e, s) end)
      T.p("#{tag} del #{inspect(e)}", fn -> :sets.del_element(e, s) end)
    end
  end
end

# v1: grow one element at a time (expansion), print each
s = Enum.reduce(0..299, :sets.new(), fn i, s ->
  s2 = :sets.add_element(ST.elt(i), s)
  if i < 40 or rem(i, 7) == 0, do: T.p("grow #{i}", fn -> s2 end), else: T.p("grow #{i} size", fn -> {:sets.size(s2), elem(s2, 2), elem(s2, 3), tuple_size(elem(s2, 8))} end)
  s2
end)
T.p("grown to_list", fn -> :sets.to_list(s) end)
# shrink (contraction)
Enum.reduce(T.ints(5, 400, 300), s, fn i, s ->
  s2 = :sets.del_element(ST.elt(i), s)
  T.p("shrink #{i}", fn -> {:sets.size(s2), elem(s2, 2), elem(s2, 3), elem(s2, 4), :sets.to_list(s2)} end)
  s2
end)
# integers only, large
big = :sets.from_list(Enum.to_list(1..1000))
T.p("big", fn -> big end)
T.p("big to_list", fn -> :sets.to_list(big) end)
T.p("big filter", fn -> :sets.filter(fn x -> rem(x, 3) == 0 end, big) end)
T.p("big filter2", fn -> :sets.filter(fn x -> x < 10 end, big) end)

sets = [
  {"empty", :sets.new()},
  {"fl", :sets.from_list([3, 1, 2, 1.0, 3.0, :a, "b"])},
  {"fl20", :sets.from_list(Enum.map(0..20, &ST.elt/1))},
  {"fl100", :sets.from_list(Enum.map(T.ints(8, 100, 500), &ST.elt/1))},
  {"v2 empty", :sets.new(version: 2)},
  {"v2", :sets.from_list([3, 1, 2, 1.0, 3.0, :a, "b"], version: 2)},
  {"v2 small mixed", :sets.from_list(Enum.map(0..25, &ST.elt/1), [{:version, 2}])}
]
for {tag, s} <- sets, do: ST.checks(tag, s)

pool = [
  :sets.new(), :sets.from_list([1, 2, 3]), :sets.from_list([2, 3, 4, 1.0]), :sets.from_list(Enum.to_list(1..40)),
  :sets.from_list(Enum.to_list(20..100)), :sets.from_list(Enum.map(0..50, &ST.elt2/1)),
  :sets.new(version: 2), :sets.from_list([1, 2, 3], version: 2), :sets.from_list([2, 3, 4, 1.0], version: 2),
  :sets.from_list(Enum.to_list(1..40), version: 2), :sets.from_list(Enum.to_list(20..100), version: 2),
  %{1 => :x, 2 => :y}, %{2 => :z, 3 => :w, 4 => :q}
]
for {a, i} <- Enum.with_index(pool), {b, j} <- Enum.with_index(pool) do
  T.p("union #{i} #{j}", fn -> :sets.union(a, b) end)
  T.p("intersection #{i} #{j}", fn -> :sets.intersection(a, b) end)
  T.p("subtract #{i} #{j}", fn -> :sets.subtract(a, b) end)
  T.p("is_subset #{i} #{j}", fn -> :sets.is_subset(a, b) end)
  T.p("is_disjoint #{i} #{j}", fn -> :sets.is_disjoint(a, b) end)
end
T.p("union list", fn -> :sets.union(Enum.take(pool, 4)) end)
T.p("union list1", fn -> :sets.union([Enum.at(pool, 2)]) end)
T.p("union []", fn -> :sets.union([]) end)
T.p("intersection list", fn -> :sets.intersection(Enum.slice(pool, 3, 3)) end)
T.p("intersection list1", fn -> :sets.intersection([Enum.at(pool, 2)]) end)
T.p("intersection []", fn -> :sets.intersection([]) end)
T.p("new opts", fn -> {:sets.new([]), :sets.new(version: 1), :sets.new([{:version, 2}, :x]), :sets.new([:x, {:version, 2}])} end)
T.p("new bad version", fn -> :sets.new(version: 3) end)
T.p("new version atom", fn -> :sets.new([:version]) end)
T.p("new version tuple3", fn -> :sets.new([{:version, 2, 3}]) end)
T.p("new not list", fn -> :sets.new(:x) end)
T.p("from_list opts", fn -> :sets.from_list([1, 2], version: 1) end)
T.p("from_list bad", fn -> :sets.from_list(:x) end)
T.p("size bad", fn -> :sets.size(:x) end)
T.p("fold bad", fn -> :sets.fold(:x, 0, :sets.new()) end)
T.p("fold bad set", fn -> :sets.fold(fn _, a -> a end, 0, :x) end)
T.p("is_set", fn -> {:sets.is_set(:x), :sets.is_set({:set, 1}), :sets.is_set(%{a: 1})} end)
T.p("add to map", fn -> :sets.add_element(5, %{1 => :x}) end)
T.p("to_list map", fn -> :sets.to_list(%{1 => :x, 2 => :y}) end)
T.p("is_element bad", fn -> :sets.is_element(1, :x) end)
T.p("fold order v2", fn -> :sets.fold(fn e, a -> [e | a] end, [], :sets.from_list(Enum.to_list(1..50), version: 2)) end)
T.report("sets")
