# Tests :ets access rights (:protected default, :public, :private) from other processes, and tables dying with their owner.
defmodule T do
  # Run `fun` in another process and report what it returned or the ArgumentError message.
  def elsewhere(fun) do
    parent = self()

    spawn(fn ->
      result =
        try do
          {:ok, fun.()}
        rescue
          e in ArgumentError -> {:error, Exception.message(e)}
        end

      send(parent, {:result, result})
    end)

    receive do
      {:result, {:ok, v}} -> IO.inspect(v, label: "  ok")
      {:result, {:error, msg}} -> IO.puts("  ArgumentError: " <> inspect(msg))
    end
  end
end

prot = :ets.new(:prot, [:set])
pub = :ets.new(:pub, [:set, :public])
priv = :ets.new(:priv, [:set, :private])
for t <- [prot, pub, priv], do: :ets.insert(t, {:k, :owner_value})

IO.puts("protected (the default): read and write from another process")
T.elsewhere(fn -> :ets.lookup(prot, :k) end)
T.elsewhere(fn -> :ets.insert(prot, {:k, :intruder}) end)
T.elsewhere(fn -> :ets.delete(prot, :k) end)

IO.puts("public: read and write from another process")
T.elsewhere(fn -> :ets.insert(pub, {:k, :friend}) end)
T.elsewhere(fn -> :ets.lookup(pub, :k) end)

IO.puts("private: even reading is refused")
T.elsewhere(fn -> :ets.lookup(priv, :k) end)
T.elsewhere(fn -> :ets.member(priv, :k) end)
IO.inspect(:ets.lookup(priv, :k), label: "owner reads private")

# A table created by a short-lived process goes away when that process exits.
parent = self()

{owner, ref} =
  spawn_monitor(fn ->
    t = :ets.new(:temp, [:set, :public, :named_table])
    u = :ets.new(:temp2, [:bag, :public])
    :ets.insert(t, {:a, 1})
    send(parent, {:tables, u})
    receive do: (:quit -> :ok)
  end)

unnamed = receive do: ({:tables, u} -> u)
IO.inspect(:ets.lookup(:temp, :a), label: "while owner lives")
IO.inspect(:ets.insert(unnamed, {:x, 1}), label: "insert into other's public table")
send(owner, :quit)
receive do: ({:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "owner exited"))

IO.inspect(:ets.info(:temp), label: "info of named table after owner exit")
IO.inspect(:ets.info(unnamed), label: "info of unnamed table after owner exit")

for {label, fun} <- [
      lookup: fn -> :ets.lookup(:temp, :a) end,
      insert: fn -> :ets.insert(unnamed, {:x, 2}) end,
      tab2list: fn -> :ets.tab2list(unnamed) end,
      delete: fn -> :ets.delete(:temp) end
    ] do
  try do
    fun.()
  rescue
    e in ArgumentError -> IO.puts("#{label} on a dead table: " <> inspect(Exception.message(e)))
  end
end
