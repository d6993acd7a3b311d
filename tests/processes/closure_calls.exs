# Calls of function values: captured values of every kind, calls at
# depths that grow the register stack, funs of the wrong arity, and
# funs whose variable an argument rebinds.
defmodule Deep do
  # Non-tail: each level calls `f` one frame deeper than any before.
  def down(0, _f), do: []
  def down(n, f), do: [f.(n) | down(n - 1, f)]
end

name = "vial"
items = [1, 2.5, :three, {4}]
table = %{a: 1, b: [2, 3]}
big = 12_345_678_901_234_567_890

f = fn n -> {n, name, items, table, big, length(items) + n} end
result = Deep.down(100_000, f)
IO.inspect(length(result))
IO.inspect(hd(result))
IO.inspect(List.last(result))
IO.inspect(Enum.at(result, 50_000))

g = fn -> name <> "!" end
IO.inspect(g.())
adder = fn a, b -> a + b + big end
IO.inspect(Enum.reduce(1..10, 0, adder))
IO.inspect(Enum.map([1, 2, 3], &(&1 * big)))
IO.inspect(Enum.map(["a", "b"], &String.upcase/1))

h = fn x -> x * 2 end
IO.inspect(h.(h = 21))
IO.inspect(h)

pair = {fn x -> [x, name] end}
IO.inspect(elem(pair, 0).(:in_tuple))

try do
  f.(1, 2)
rescue
  e in BadArityError -> IO.inspect({e.__struct__, e.args})
end

try do
  Enum.at([nil], 0).(1)
rescue
  e -> IO.puts(Exception.message(e))
end

counter = fn
  0, _self -> :done
  n, self -> self.(n - 1, self)
end
IO.inspect(counter.(1_000_000, counter))
