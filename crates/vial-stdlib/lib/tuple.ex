# Tuple: the Tuple functions not built into the VM (Elixir 1.14
# `lib/elixir/lib/tuple.ex`); to_list/append/delete_at/insert_at/duplicate
# are BIFs.
defmodule Tuple do
  # The sum of the tuple's elements.
  def sum(tuple), do: sum(tuple, tuple_size(tuple))

  defp sum(_tuple, 0), do: 0
  defp sum(tuple, index), do: elem(tuple, index - 1) + sum(tuple, index - 1)

  # The product of the tuple's elements.
  def product(tuple), do: product(tuple, tuple_size(tuple))

  defp product(_tuple, 0), do: 1
  defp product(tuple, index), do: elem(tuple, index - 1) * product(tuple, index - 1)
end
