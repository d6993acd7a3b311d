# Code in a module body runs when the script reaches the defmodule, in
# order with the script's own code, attributes read as set at that point.
IO.puts("start")
defmodule M do
  IO.puts("defining M")
  @x 5
  if @x > 3, do: IO.puts("big x")
  @x 7
  IO.inspect(@x, label: "x now")
  for i <- 1..2, do: IO.puts("loop #{i}")
  def f, do: @x
  defmodule Inner do
    IO.puts("defining Inner")
    def g, do: :g
  end
  IO.puts("after Inner")
  y = 3
  IO.puts(y * 2)
end
IO.puts("after M")
IO.inspect({M.f(), M.Inner.g()})
IO.inspect(M.__info__(:functions))
