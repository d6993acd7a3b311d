# Registry's match specification functions, meta entries and key
# bookkeeping. Registries list entries in their table's order, which for
# several keys is a hash order; those results are sorted.
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

me = self()
{:ok, _} = Registry.start_link(keys: :duplicate, name: Dup, meta: [owner: :tests, level: 3])
{:ok, _} = Registry.start_link(keys: :unique, name: Uniq)
{:ok, _} = Registry.register(Dup, :user, {:admin, 1})
{:ok, _} = Registry.register(Dup, :user, {:guest, 2})
{:ok, _} = Registry.register(Dup, :user, {:guest, 3})
{:ok, _} = Registry.register(Dup, :topic, 10)

other =
  spawn(fn ->
    {:ok, _} = Registry.register(Dup, :user, {:admin, 4})
    {:ok, _} = Registry.register(Uniq, :other, :x)
    send(me, :registered)
    receive do: (:stop -> :ok)
  end)

receive do: (:registered -> :ok)

values = fn entries -> entries |> Enum.map(&elem(&1, 1)) |> Enum.sort() end
T.show("match", fn -> values.(Registry.match(Dup, :user, {:admin, :_})) end)
T.show("match pids", fn -> Registry.match(Dup, :user, {:admin, :_}) |> Enum.map(&(elem(&1, 0) == me)) |> Enum.sort() end)
T.show("match var", fn -> values.(Registry.match(Dup, :user, {:"$1", :"$2"}, [{:>, :"$2", 1}])) end)
T.show("match guards", fn -> values.(Registry.match(Dup, :user, {:guest, :"$1"}, [{:"=:=", :"$1", 3}])) end)
T.show("match other key", fn -> Registry.match(Dup, :topic, :_) |> Enum.map(&elem(&1, 1)) end)
T.show("match none", fn -> Registry.match(Dup, :nobody, :_) end)
T.show("count_match", fn -> Registry.count_match(Dup, :user, {:guest, :_}) end)
T.show("count_match guards", fn -> Registry.count_match(Dup, :user, {:_, :"$1"}, [{:<, :"$1", 3}]) end)
T.show("select", fn -> Registry.select(Dup, [{{:"$1", :_, :"$2"}, [], [{{:"$1", :"$2"}}]}]) |> Enum.sort() end)
T.show("select pids", fn -> Registry.select(Dup, [{{:_, :"$1", :_}, [{:"=/=", :"$1", me}], [:"$1"]}]) == [other] end)
T.show("select $_ shape", fn -> Registry.select(Uniq, [{{:_, :_, :_}, [], [:"$_"]}]) == [{:other, {other, :x}}] end)
T.show("select bad", fn -> Registry.select(Dup, [{:_, [], [true]}]) end)
T.show("count_select", fn -> Registry.count_select(Dup, [{{:user, :_, {:guest, :_}}, [], [true]}]) end)
T.show("count_select bad", fn -> Registry.count_select(Dup, [:oops]) end)
T.show("count", fn -> {Registry.count(Dup), Registry.count(Uniq)} end)
T.show("keys", fn -> Registry.keys(Dup, me) end)
T.show("values", fn -> Registry.values(Dup, :user, me) end)
T.show("unregister_match", fn -> Registry.unregister_match(Dup, :user, {:guest, :_}) end)
T.show("after", fn -> values.(Registry.lookup(Dup, :user)) end)
T.show("keys after", fn -> Registry.keys(Dup, me) end)
T.show("unregister_match guards", fn -> Registry.unregister_match(Dup, :topic, :"$1", [{:>, :"$1", 100}]) end)
T.show("unregister_match all", fn -> Registry.unregister_match(Dup, :user, :_) end)
T.show("keys at last", fn -> Registry.keys(Dup, me) end)
T.show("left", fn -> values.(Registry.lookup(Dup, :user)) end)

# Meta.
T.show("meta", fn -> {Registry.meta(Dup, :owner), Registry.meta(Dup, :level), Registry.meta(Dup, :none)} end)
T.show("put_meta", fn -> {Registry.put_meta(Uniq, {:custom, :key}, [1, 2]), Registry.meta(Uniq, {:custom, :key})} end)
T.show("delete_meta", fn -> {Registry.delete_meta(Dup, :owner), Registry.meta(Dup, :owner)} end)
T.show("meta unknown", fn -> Registry.meta(NoSuch, :x) end)
T.show("put_meta unknown", fn -> Registry.put_meta(NoSuch, :x, 1) end)
T.show("count unknown", fn -> Registry.count(NoSuch) end)
T.show("match unknown", fn -> Registry.match(NoSuch, :k, :_) end)

# Unique keys: keys most recent first; update_value.
{:ok, _} = Registry.register(Uniq, :a, 1)
{:ok, _} = Registry.register(Uniq, :b, 2)
{:ok, _} = Registry.register(Uniq, :c, 3)
T.show("unique keys", fn -> Registry.keys(Uniq, me) end)
T.show("taken", fn -> Registry.register(Uniq, :other, :y) == {:error, {:already_registered, other}} end)
T.show("update_value", fn -> Registry.update_value(Uniq, :b, &(&1 * 10)) end)
T.show("update_value other's", fn -> Registry.update_value(Uniq, :other, fn _ -> :mine end) end)
T.show("update_value duplicate", fn -> Registry.update_value(Dup, :topic, & &1) end)
T.show("unique match", fn -> Registry.match(Uniq, :b, :"$1", [{:is_integer, :"$1"}]) |> Enum.map(&elem(&1, 1)) end)
T.show("unique unregister_match", fn -> {Registry.unregister_match(Uniq, :c, 3), Registry.lookup(Uniq, :c)} end)
T.show("unique keys after", fn -> Registry.keys(Uniq, me) end)

# Entries go when their process exits.
ref = Process.monitor(other)
send(other, :stop)
receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
Process.sleep(50)
T.show("after exit", fn -> {Registry.count_match(Dup, :user, :_), Registry.lookup(Uniq, :other), Registry.count(Uniq)} end)

# Listeners hear of registrations, including unregister_match of all.
Process.register(self(), :listener)
{:ok, _} = Registry.start_link(keys: :duplicate, name: Heard, listeners: [:listener])
{:ok, _} = Registry.register(Heard, :k, 1)
{:ok, _} = Registry.register(Heard, :k, 2)
:ok = Registry.unregister_match(Heard, :k, 1)
:ok = Registry.unregister_match(Heard, :k, :_)
:ok = Registry.unregister(Heard, :k)

for _ <- 1..4 do
  receive do
    {:register, Heard, key, pid, value} -> IO.inspect({:register, key, pid == me, value})
    {:unregister, Heard, key, pid} -> IO.inspect({:unregister, key, pid == me})
  after
    100 -> IO.puts("no more")
  end
end

# start_link's option checks.
T.show("bad meta", fn -> Registry.start_link(keys: :unique, name: M1, meta: :x) end)
T.show("bad partitions", fn -> Registry.start_link(keys: :unique, name: M2, partitions: 0) end)
T.show("no name", fn -> Registry.start_link(keys: :unique) end)
T.show("bad name", fn -> Registry.start_link(keys: :unique, name: "x") end)
T.show("bad listeners", fn -> Registry.start_link(keys: :unique, name: M3, listeners: [1]) end)
