# Guards, `if` and `cond` whose conditions are `and`/`or`/`not` over
# comparisons: the compiler turns them into compare-and-jumps.
defmodule G do
  def range_step(first, last, step)
      when (step > 0 and first <= last) or (step < 0 and first >= last),
      do: :walks

  def range_step(_, _, _), do: :empty

  def outside(x) when not (x >= 1 and x <= 10), do: :outside
  def outside(_), do: :inside

  def neither(a, b) when not (a == 1 or b === 2.0), do: :neither
  def neither(_, _), do: :one

  def mixed(x) when is_integer(x) and (x < 0 or x > 100), do: :out_of_range
  def mixed(x) when not is_integer(x) or x != 50, do: :other
  def mixed(_), do: :fifty

  def nested(a, b, c) when (a < b or b < c) and not (a == c or (b > 5 and c > 5)), do: true
  def nested(_, _, _), do: false

  def cond_of(x) do
    cond do
      x < 0 or x > 9 -> :wide
      not (x != 5) -> :five
      x >= 3 and x <= 7 -> :middle
      true -> :small
    end
  end

  def if_of(list) do
    if hd(list) > 1 and tl(list) == [] do
      :single_big
    else
      :other
    end
  end
end

inputs = [{1, 5, 1}, {5, 1, 1}, {5, 1, -1}, {1, 5, -1}, {1, 1, 1}, {1.0, 1, 0}, {:a, :b, 1}, {"z", :a, -2}]
for {f, l, s} <- inputs, do: IO.inspect({f, l, s, G.range_step(f, l, s)})
for x <- [0, 1, 5, 10, 11, 10.5, 1.0, :atom, "s"], do: IO.inspect({x, G.outside(x)})
for {a, b} <- [{1, 2}, {1.0, 3}, {2, 2}, {2, 2.0}, {:x, :y}], do: IO.inspect({a, b, G.neither(a, b)})
for x <- [-1, 50, 50.0, 101, 7, :a], do: IO.inspect({x, G.mixed(x)})
for {a, b, c} <- [{1, 2, 3}, {3, 2, 1}, {1, 6, 6}, {6, 6, 6}, {1, 9, 1}, {2.0, 2, 3}],
    do: IO.inspect({a, b, c, G.nested(a, b, c)})
for x <- [-3, 12, 5, 5.0, 3, 7, 8, 1, :a], do: IO.inspect({x, G.cond_of(x)})
for l <- [[2], [2, 3], [1], [:a]], do: IO.inspect({l, G.if_of(l)})

try do
  G.if_of([])
rescue
  e -> IO.puts(Exception.message(e))
end

y = 3
r = if (z = y * 2) > 5 and z < 10, do: z, else: :no
IO.inspect({r, z})

# `and`/`or` as values, with comparisons on the left.
defmodule V do
  def f(n, x), do: rem(n, x) == 0 and x * x <= n
  def g(a, b), do: a > 1 or b
  def h(a, b), do: not (a < b) and b
end

for {n, x} <- [{10, 2}, {10, 3}, {4, 2}, {9, 4}], do: IO.inspect(V.f(n, x))
for {a, b} <- [{2, :x}, {0, :y}, {0, false}], do: IO.inspect(V.g(a, b))
for {a, b} <- [{2, 1}, {1, 2}, {2, :atom}], do: IO.inspect(V.h(a, b))
w = 5
IO.inspect(w > 3 and (w * 2) > 5)

try do
  IO.inspect(1 > 0 and raise("boom"))
rescue
  e -> IO.puts(Exception.message(e))
end
