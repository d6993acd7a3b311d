# Integer-only functions run in the interpreter's fast lane; every value,
# error and limit below makes it hand an instruction back to the general
# loop somewhere, and the results must not show where.
defmodule Lane do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def fact(0), do: 1
  def fact(n), do: n * fact(n - 1)

  def sum(0, acc), do: acc
  def sum(n, acc), do: sum(n - 1, acc + n)

  def depth(0), do: 0
  def depth(n), do: 1 + depth(n - 1)

  def collatz(1, steps), do: steps
  def collatz(n, steps) when rem(n, 2) == 0, do: collatz(div(n, 2), steps + 1)
  def collatz(n, steps), do: collatz(3 * n + 1, steps + 1)

  def divide_down(n, d) when n <= 0, do: div(1, d)
  def divide_down(n, d), do: divide_down(n - 1, d) + 1

  def pick(n) when n > 10, do: :big
  def pick(n) when n === 10, do: :ten
  def pick(_), do: :small

  def count_picks(0, acc), do: acc
  def count_picks(n, {big, ten, small}) do
    case pick(n) do
      :big -> count_picks(n - 1, {big + 1, ten, small})
      :ten -> count_picks(n - 1, {big, ten + 1, small})
      :small -> count_picks(n - 1, {big, ten, small + 1})
    end
  end

  def swap_loop(0, a, b), do: {a, b}
  def swap_loop(n, a, b), do: swap_loop(n - 1, b, a)
end

defmodule Caller do
  # A general-loop function calling into the lane and back.
  def fibs(list), do: Enum.map(list, &Lane.fib/1)
end

IO.puts(Lane.fib(20))
IO.puts(Lane.fact(25))
IO.puts(Lane.sum(100_000, 0))
IO.puts(Lane.sum(3, 9_223_372_036_854_775_800))
IO.puts(Lane.sum(10, 1.5))
IO.puts(Lane.fib(10.0))
IO.puts(Lane.depth(300_000))
IO.puts(Lane.collatz(27, 0))
IO.inspect(Caller.fibs([1, 5, 10, 15]))
IO.inspect(Lane.count_picks(20, {0, 0, 0}))
IO.inspect(Lane.swap_loop(5, [1], "x"))
IO.inspect(Lane.swap_loop(4, %{a: 1}, :b))

try do
  Lane.divide_down(5, 0)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Lane.fib(:a)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

IO.inspect({Lane.pick(10), Lane.pick(10.0), Lane.pick(11.5)})

parent = self()
pids = for n <- [24, 25, 26], do: spawn(fn -> send(parent, {n, Lane.fib(n)}) end)
IO.puts(length(pids))
for n <- [24, 25, 26] do
  receive do
    {^n, v} -> IO.puts("fib(#{n}) = #{v}")
  end
end
