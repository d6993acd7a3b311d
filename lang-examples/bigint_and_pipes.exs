# Integers grow past 64 bits without overflow; |> threads a value through calls.
defmodule Math do
  def factorial(0), do: 1
  def factorial(n) when n > 0, do: n * factorial(n - 1)

  def fib(n), do: fib(n, 0, 1)
  defp fib(0, a, _b), do: a
  defp fib(n, a, b), do: fib(n - 1, b, a + b)
end

IO.puts(Math.factorial(30))
IO.puts(Math.fib(100))

1..10
|> Enum.map(fn x -> x * x end)
|> Enum.filter(fn x -> rem(x, 2) == 0 end)
|> Enum.reduce(0, fn x, acc -> x + acc end)
|> IO.inspect(label: "sum of even squares")

IO.inspect(9_223_372_036_854_775_807 + 1)
IO.inspect(-9_223_372_036_854_775_808 - 1 + 1)
