# ETS tables: types, key equality, counters, access rights, errors, owner
# death, heirs, give_away, and concurrent writers on a public table.

defmodule T do
  def show(label, fun) do
    try do
      IO.puts("#{label}: #{inspect(fun.())}")
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)} #{inspect(Exception.message(e))}")
    end
  end

  # Hash tables list their objects in an unspecified order.
  def sorted(tab), do: Enum.sort(:ets.tab2list(tab))

  def wait_down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
  end

  def bump(_tab, 0), do: :ok

  def bump(tab, n) do
    :ets.update_counter(tab, :hits, 1)
    :ets.update_counter(tab, :pair, [{2, 1}, {3, -1}])
    bump(tab, n - 1)
  end
end

# --- sets -----------------------------------------------------------------
s = :ets.new(:s, [])
T.show("reference", fn -> is_reference(s) end)
T.show("insert", fn -> :ets.insert(s, {:a, 1}) end)
T.show("insert list", fn -> :ets.insert(s, [{:b, 2}, {:c, 3}, {:b, 20}]) end)
T.show("lookup", fn -> :ets.lookup(s, :b) end)
T.show("lookup missing", fn -> :ets.lookup(s, :zz) end)
T.show("member", fn -> {:ets.member(s, :a), :ets.member(s, :zz)} end)
T.show("insert_new existing", fn -> :ets.insert_new(s, [{:d, 4}, {:a, 0}]) end)
T.show("insert_new fresh", fn -> :ets.insert_new(s, [{:d, 4}, {:e, 5}]) end)
T.show("tab2list", fn -> T.sorted(s) end)
T.show("lookup_element", fn -> :ets.lookup_element(s, :c, 2) end)
T.show("delete key", fn -> :ets.delete(s, :e) end)
T.show("delete_object other", fn -> :ets.delete_object(s, {:d, 5}) end)
T.show("delete_object same", fn -> :ets.delete_object(s, {:d, 4}) end)
T.show("take", fn -> {:ets.take(s, :c), :ets.take(s, :c)} end)
T.show("size", fn -> :ets.info(s, :size) end)
T.show("set info", fn ->
  Enum.map([:name, :type, :named_table, :keypos, :protection, :size], &:ets.info(s, &1))
end)
T.show("owner is self", fn -> :ets.info(s, :owner) == self() end)
T.show("info keys", fn -> Keyword.keys(:ets.info(s)) end)

# 1 and 1.0 are different keys in a set, one key in an ordered set.
T.show("set 1 vs 1.0", fn ->
  :ets.insert(s, [{1, :int}, {1.0, :float}])
  {:ets.lookup(s, 1), :ets.lookup(s, 1.0)}
end)

# --- ordered sets ---------------------------------------------------------
o = :ets.new(:o, [:ordered_set])
:ets.insert(o, [{"b", 1}, {:a, 2}, {3, 3}, {{1}, 4}, {[1], 5}, {1, 6}, {2.5, 7}])
T.show("ordered tab2list", fn -> :ets.tab2list(o) end)
T.show("ordered 1.0 replaces 1", fn ->
  :ets.insert(o, {1.0, :float})
  {:ets.lookup(o, 1), :ets.info(o, :size)}
end)
T.show("first/last", fn -> {:ets.first(o), :ets.last(o)} end)
T.show("next", fn -> {:ets.next(o, 1), :ets.next(o, 2), :ets.next(o, "b")} end)
T.show("prev", fn -> {:ets.prev(o, :a), :ets.prev(o, 1.0)} end)

walk = fn walk, key, acc ->
  case key do
    :"$end_of_table" -> Enum.reverse(acc)
    k -> walk.(walk, :ets.next(o, k), [k | acc])
  end
end

T.show("walk", fn -> walk.(walk, :ets.first(o), []) end)
e = :ets.new(:e, [:ordered_set])
T.show("empty first", fn -> {:ets.first(e), :ets.last(e)} end)

# --- bags -----------------------------------------------------------------
b = :ets.new(:b, [:bag])
:ets.insert(b, [{:k, 1}, {:k, 2}, {:k, 1}, {:j, 3}])
T.show("bag lookup", fn -> :ets.lookup(b, :k) end)
T.show("bag lookup_element", fn -> :ets.lookup_element(b, :k, 2) end)
T.show("bag size", fn -> :ets.info(b, :size) end)
d = :ets.new(:d, [:duplicate_bag])
:ets.insert(d, [{:k, 1}, {:k, 2}, {:k, 1}])
T.show("duplicate_bag lookup", fn -> :ets.lookup(d, :k) end)
T.show("duplicate_bag delete_object", fn ->
  :ets.delete_object(d, {:k, 1})
  :ets.lookup(d, :k)
end)

# --- keypos, counters, update_element ---------------------------------------
k = :ets.new(:k, [{:keypos, 2}, :public])
:ets.insert(k, {:count, :x, 0, 100})
T.show("keypos lookup", fn -> :ets.lookup(k, :x) end)
T.show("update_counter", fn -> :ets.update_counter(k, :x, 5) end)
T.show("update_counter pos", fn -> :ets.update_counter(k, :x, {4, -1}) end)
T.show("update_counter list", fn -> :ets.update_counter(k, :x, [{3, 1}, {4, 10}, {3, 1}]) end)
T.show("update_counter threshold", fn -> :ets.update_counter(k, :x, {3, 100, 50, 0}) end)
T.show("update_counter default", fn -> :ets.update_counter(k, :y, {3, 2}, {:c, :ignored, 10}) end)
T.show("after default", fn -> :ets.lookup(k, :y) end)
T.show("update_counter big", fn -> :ets.update_counter(k, :y, {3, 9_223_372_036_854_775_807}) end)
T.show("update_element", fn -> :ets.update_element(k, :x, [{1, :renamed}, {4, :gone}]) end)
T.show("after update_element", fn -> :ets.lookup(k, :x) end)
T.show("update_element missing", fn -> :ets.update_element(k, :nope, {1, 1}) end)

# --- errors -----------------------------------------------------------------
T.show("bad table", fn -> :ets.lookup(:no_such_table, 1) end)
T.show("not a table", fn -> :ets.insert("tab", {1}) end)
T.show("not a tuple", fn -> :ets.insert(s, :oops) end)
T.show("empty tuple", fn -> :ets.insert(s, {}) end)
T.show("bad list", fn -> :ets.insert(s, [{1}, 2]) end)
T.show("bad options", fn -> :ets.new(:x, [:bogus]) end)
T.show("options not a list", fn -> :ets.new(:x, :set) end)
T.show("name not atom", fn -> :ets.new("x", []) end)
T.show("lookup_element missing", fn -> :ets.lookup_element(s, :zz, 2) end)
T.show("lookup_element too far", fn -> :ets.lookup_element(s, :a, 9) end)
T.show("counter missing key", fn -> :ets.update_counter(k, :zz, 1) end)
T.show("counter not integer", fn -> :ets.update_counter(k, :x, {1, 1}) end)
T.show("counter key position", fn -> :ets.update_counter(k, :x, {2, 1}) end)
T.show("counter out of range", fn -> :ets.update_counter(k, :x, {9, 1}) end)
T.show("counter bad op", fn -> :ets.update_counter(k, :x, :up) end)
T.show("counter on bag", fn -> :ets.update_counter(b, :k, 1) end)
T.show("counter atomic", fn ->
  try do
    :ets.update_counter(k, :y, [{3, 1}, {9, 1}])
  rescue
    _ -> :ets.lookup(k, :y)
  end
end)
T.show("next of missing key", fn -> :ets.next(s, :zz) end)
T.show("info item", fn -> :ets.info(s, :colour) end)
T.show("whereis not atom", fn -> :ets.whereis("s") end)

# --- named tables -------------------------------------------------------------
T.show("named", fn -> :ets.new(:named, [:named_table, :public, {:read_concurrency, true}]) end)
T.show("named insert", fn -> :ets.insert(:named, {:x, 1}) end)
T.show("named twice", fn -> :ets.new(:named, [:named_table]) end)
T.show("whereis", fn -> is_reference(:ets.whereis(:named)) end)
T.show("by identifier", fn -> :ets.lookup(:ets.whereis(:named), :x) end)
T.show("rename", fn -> :ets.rename(:named, :renamed) end)
T.show("old name", fn -> {:ets.whereis(:named), :ets.info(:named)} end)
T.show("delete", fn -> :ets.delete(:renamed) end)
T.show("after delete", fn -> {:ets.info(:renamed), :ets.whereis(:renamed)} end)
T.show("use after delete", fn -> :ets.insert(:renamed, {1}) end)

# --- access rights ------------------------------------------------------------
prot = :ets.new(:prot, [:protected])
priv = :ets.new(:priv, [:private])
:ets.insert(prot, {1, :p})
:ets.insert(priv, {1, :q})
me = self()

spawn(fn ->
  T.show("protected read", fn -> :ets.lookup(prot, 1) end)
  T.show("protected write", fn -> :ets.insert(prot, {2, :no}) end)
  T.show("protected delete", fn -> :ets.delete(prot) end)
  T.show("private read", fn -> :ets.lookup(priv, 1) end)
  T.show("private info", fn -> :ets.info(priv, :size) end)
  T.show("public write", fn -> :ets.insert(k, {:other, :z, 1, 1}) end)
  T.show("give_away not owner", fn -> :ets.give_away(prot, self(), :gift) end)
  send(me, :checked)
end)

receive do
  :checked -> :ok
end

T.show("public written", fn -> :ets.lookup(k, :z) end)

# --- a table dies with its owner ------------------------------------------------
{owner, ref} =
  spawn_monitor(fn ->
    :ets.new(:mortal, [:named_table, :public])
    :ets.insert(:mortal, {:alive, true})
    send(me, :made)

    receive do
      :stop -> :ok
    end
  end)

receive do
  :made -> :ok
end

T.show("owned by other", fn -> :ets.lookup(:mortal, :alive) end)
T.show("owner pid", fn -> :ets.info(:mortal, :owner) == owner end)
send(owner, :stop)
T.show("owner down", fn -> T.wait_down(ref) end)
T.show("table gone", fn -> {:ets.info(:mortal), :ets.whereis(:mortal)} end)
T.show("lookup gone", fn -> :ets.lookup(:mortal, :alive) end)
T.show("name free again", fn -> :ets.new(:mortal, [:named_table]) end)

# A crash deletes the table too.
{crasher, cref} =
  spawn_monitor(fn ->
    t = :ets.new(:crashy, [:public])
    send(me, {:table, t})

    receive do
      :die -> exit(:boom)
    end
  end)

crashy =
  receive do
    {:table, t} -> t
  end

T.show("crashy alive", fn -> :ets.info(crashy, :size) end)
send(crasher, :die)
T.show("crasher down", fn -> T.wait_down(cref) end)
T.show("crashy gone", fn -> :ets.info(crashy) end)

# --- heirs and give_away --------------------------------------------------------
heir =
  spawn(fn ->
    receive do
      msg -> send(me, {:heir_got, msg})
    end

    receive do
      :stop -> :ok
    end
  end)

{testator, tref} =
  spawn_monitor(fn ->
    :ets.new(:will, [:named_table, {:heir, heir, :inheritance}])
    :ets.insert(:will, {:gold, 10})
    send(me, :written)

    receive do
      :stop -> :ok
    end
  end)

receive do
  :written -> :ok
end

send(testator, :stop)
T.wait_down(tref)

receive do
  {:heir_got, {:"ETS-TRANSFER", tab, from, data}} ->
    T.show("heir message", fn -> {tab, from == testator, data} end)
end

T.show("heir owns", fn -> :ets.info(:will, :owner) == heir end)
T.show("inherited objects", fn -> :ets.lookup(:will, :gold) end)
send(heir, :stop)

receiver =
  spawn(fn ->
    receive do
      {:"ETS-TRANSFER", tab, from, gift} ->
        send(me, {:received, tab == :gift_box, from == me, gift, :ets.lookup(tab, :toy)})
    end

    receive do
      :stop -> :ok
    end
  end)

:ets.new(:gift_box, [:named_table])
:ets.insert(:gift_box, {:toy, 1})
T.show("give_away self", fn -> :ets.give_away(:gift_box, self(), :x) end)
T.show("give_away", fn -> :ets.give_away(:gift_box, receiver, :present) end)

receive do
  {:received, named?, from_me?, gift, objects} ->
    T.show("received", fn -> {named?, from_me?, gift, objects} end)
end

T.show("given away", fn -> :ets.info(:gift_box, :owner) == receiver end)
T.show("give_away again", fn -> :ets.give_away(:gift_box, self(), :x) end)
send(receiver, :stop)

# --- concurrent writers ------------------------------------------------------------
counters = :ets.new(:counters, [:public, {:write_concurrency, true}])
:ets.insert(counters, [{:hits, 0}, {:pair, 0, 0}])
workers = 8
rounds = 2000

for i <- 1..workers do
  spawn(fn ->
    T.bump(counters, rounds)
    :ets.update_counter(counters, {:worker, i}, 1, {{:worker, i}, 0})
    :ets.insert(counters, {{:done, i}})
    send(me, :done)
  end)
end

for _ <- 1..workers do
  receive do
    :done -> :ok
  end
end

T.show("hits", fn -> :ets.lookup(counters, :hits) end)
T.show("pair", fn -> :ets.lookup(counters, :pair) end)
T.show("workers", fn -> Enum.sum(for i <- 1..workers, do: :ets.lookup_element(counters, {:worker, i}, 2)) end)
T.show("done marks", fn -> length(:ets.tab2list(counters)) end)
