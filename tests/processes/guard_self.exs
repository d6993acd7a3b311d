# Guards comparing with self() (compiled without an exception handler)
# still pick the right clause, and `and` on a non-boolean still fails the
# guard instead of raising.
defmodule G do
  def f(x) when x and true, do: 1
  def f(_), do: 2
  def g(p) when is_pid(p) and p != self(), do: :other
  def g(_), do: :me
end
IO.inspect(G.f(1))
IO.inspect(G.f(true))
IO.inspect(G.g(self()))
IO.inspect(G.g(spawn(fn -> :ok end)))
