# Tests :ets table types (:set, :ordered_set, :bag), named tables, insert of lists, lookup/member/delete, tab2list order and update_counter.
set = :ets.new(:scores, [:set])
IO.puts("unnamed table id is a reference: #{is_reference(set)}")
IO.inspect(:ets.insert(set, {:ann, 10, 1}), label: "insert one")
IO.inspect(:ets.insert(set, [{:bob, 7, 1}, {:cy, 12, 1}, {:ann, 11, 2}]), label: "insert list")
IO.inspect(:ets.lookup(set, :ann), label: "set lookup ann (replaced)")
IO.inspect(:ets.lookup(set, :zed), label: "set lookup zed")
IO.inspect({:ets.member(set, :bob), :ets.member(set, :zed)}, label: "member bob/zed")
IO.inspect(:ets.info(set, :size), label: "size")
IO.inspect(Enum.sort(:ets.tab2list(set)), label: "set contents (sorted)")

# update_counter with an increment (position 2) or {pos, incr}; it returns the new value.
IO.inspect(:ets.update_counter(set, :bob, 5), label: "bob +5")
IO.inspect(:ets.update_counter(set, :bob, {3, 10}), label: "bob pos 3 +10")
IO.inspect(:ets.update_counter(set, :cy, {2, -20}), label: "cy -20")
IO.inspect(:ets.update_counter(set, :cy, [{2, 1}, {3, 100}]), label: "cy two ops")
IO.inspect(:ets.lookup(set, :bob) ++ :ets.lookup(set, :cy), label: "bob and cy")

try do
  :ets.update_counter(set, :nobody, 1)
rescue
  e in ArgumentError -> IO.puts("update_counter on a missing key: " <> Exception.message(e))
end

IO.inspect(:ets.delete(set, :ann), label: "delete ann")
IO.inspect(:ets.delete(set, :ann), label: "delete ann again")
IO.inspect(Enum.sort(:ets.tab2list(set)), label: "after delete")

# :ordered_set keeps keys in term order, and compares keys with ==, so 1 and 1.0 are the same key.
ord = :ets.new(:ord, [:ordered_set, :named_table])
IO.inspect(ord, label: "named table id")

:ets.insert(:ord, [
  {"b", :string},
  {:z, :atom},
  {3, :int},
  {{1, 2}, :tuple},
  {[1], :list},
  {1, :one}
])

:ets.insert(:ord, {1.0, :float_one})
IO.inspect(:ets.tab2list(:ord), label: "ordered_set contents")

# A :set compares keys with ===, so 1 and 1.0 differ there.
s2 = :ets.new(:s2, [:set])
:ets.insert(s2, [{1, :one}, {1.0, :float_one}])
IO.inspect(Enum.sort(:ets.tab2list(s2)), label: "set with 1 and 1.0")

# :bag keeps several objects per key, but not identical ones.
bag = :ets.new(:tags, [:bag])
:ets.insert(bag, [{:post1, "elixir"}, {:post1, "otp"}, {:post2, "ets"}, {:post1, "elixir"}])
IO.inspect(:ets.lookup(bag, :post1), label: "bag lookup post1")
IO.inspect(:ets.delete(bag, :post1), label: "bag delete post1")
IO.inspect(:ets.tab2list(bag), label: "bag after delete")

try do
  :ets.update_counter(bag, :post2, 1)
rescue
  e in ArgumentError -> IO.puts("update_counter on a bag: " <> Exception.message(e))
end

# A second named table with the same name is an error; delete/1 frees the name.
try do
  :ets.new(:ord, [:set, :named_table])
rescue
  e in ArgumentError -> IO.puts("duplicate name: " <> Exception.message(e))
end

IO.inspect(:ets.delete(:ord), label: "delete table")
IO.inspect(:ets.info(:ord), label: "info after delete")
IO.inspect(:ets.new(:ord, [:set, :named_table]), label: "name reused")
