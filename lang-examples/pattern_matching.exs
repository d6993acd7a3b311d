# Multi-clause functions with guards, case, cond and if.
defmodule Shapes do
  def area({:circle, r}) when r >= 0, do: 3 * r * r
  def area({:rect, w, h}), do: w * h
  def area({:square, s}), do: area({:rect, s, s})
  def area(_other), do: :unknown

  def describe(n) do
    cond do
      n < 0 -> "negative"
      n == 0 -> "zero"
      n < 10 -> "small"
      true -> "large"
    end
  end
end

for shape <- [{:circle, 2}, {:rect, 3, 4}, {:square, 5}, {:triangle, 1, 2, 3}] do
  IO.puts("#{inspect(shape)} has area #{inspect(Shapes.area(shape))}")
end

Enum.each([-5, 0, 7, 42], fn n -> IO.puts("#{n} is #{Shapes.describe(n)}") end)

result =
  case {:ok, %{name: "Vial", version: 1}} do
    {:ok, %{name: name}} when is_binary(name) -> "hello from #{name}"
    {:error, reason} -> "failed: #{reason}"
  end

IO.puts(result)
[first, second | rest] = [1, 2, 3, 4, 5]
IO.inspect({first, second, rest})
if length(rest) > 2, do: IO.puts("long tail"), else: IO.puts("short tail")
