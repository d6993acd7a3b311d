# Self tail calls that pass some parameters on unchanged (compiled without
# moving them), beside ones that swap, shadow or rebuild them.
defmodule Loops do
  def swap(0, a, b), do: {a, b}
  def swap(n, a, b), do: swap(n - 1, b, a)

  def count(n, n, acc), do: Enum.reverse(acc)
  def count(i, n, acc), do: count(i + 1, n, [i | acc])

  def shadow(n, acc) when n > 0 do
    n = n - 1
    acc = [n | acc]
    shadow(n, acc)
  end

  def shadow(_, acc), do: acc

  def whole(%{left: 0} = m, log), do: {m, Enum.reverse(log)}
  def whole(%{left: k} = m, log), do: whole(%{m | left: k - 1}, [k | log])

  def keep_map(0, m, tag), do: {m, tag}
  def keep_map(n, m, tag), do: keep_map(n - 1, m, tag)

  def many(0, a, b, c, d, e, f, g, h, i, j), do: [a, b, c, d, e, f, g, h, i, j]
  def many(n, a, b, c, d, e, f, g, h, i, j), do: many(n - 1, a, b, c, d, e, f, g, h, j, i)

  def uses_kept_in_args(0, list, acc), do: {length(list), acc}
  def uses_kept_in_args(n, list, acc), do: uses_kept_in_args(n - 1, list, acc + length(list))

  def caller_kept(0, _f, acc), do: acc
  def caller_kept(n, f, acc), do: caller_kept(n - 1, f, f.(acc))

  def same_var_twice(0, x, y), do: {x, y}
  def same_var_twice(n, x, _y), do: same_var_twice(n - 1, x, x)
end

IO.inspect(Loops.swap(5, :a, "b"))
IO.inspect(Loops.count(0, 10, []))
IO.inspect(Loops.shadow(5, []))
IO.inspect(Loops.whole(%{left: 4, name: "m"}, []))
IO.inspect(Loops.keep_map(100_000, %{big: Enum.to_list(1..5)}, {:t, [1.5]}))
IO.inspect(Loops.many(3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
IO.inspect(Loops.uses_kept_in_args(1000, Enum.to_list(1..100), 0))
IO.inspect(Loops.caller_kept(10, fn acc -> [acc] end, []))
IO.inspect(Loops.same_var_twice(3, :x, :y))
