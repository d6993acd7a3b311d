# Fixes from the third differential sweep, each checked against elixir 1.14.

# `rescue ErlangError` takes every error whose reason is not an exception,
# whatever exception it normalises to, and ErlangError structs themselves.
defmodule Rescue do
  def kind(f) do
    try do
      f.()
    rescue
      e in [KeyError] -> {:key, e.__struct__}
      e in ErlangError -> {:erlang, e.__struct__}
      e -> {:other, e.__struct__}
    end
  end
end

funs = [
  fn -> String.duplicate("x", -1) end,
  fn -> :erlang.error(:foo) end,
  fn -> 1 + String.length("a") * :erlang.binary_to_atom("a") end,
  fn -> raise ArgumentError, "x" end,
  fn -> raise ErlangError, original: :z end,
  fn -> Map.fetch!(%{}, :a) end,
  fn -> String.to_integer("x") end,
  fn -> :erlang.error({:badarg, 1}) end,
  fn -> List.first(:x) end,
  fn -> raise "plain" end
]

for f <- funs, do: IO.inspect(Rescue.kind(f))

# Inspect's charlists: and binaries: options.
IO.puts(inspect([1, 2], charlists: :as_charlists))
IO.puts(inspect([0, 1, 200], charlists: :as_charlists))
IO.puts(inspect([], charlists: :as_charlists))
IO.puts(inspect(:binary.list_to_bin([255, 104]), binaries: :as_strings))
IO.puts(inspect("abc", binaries: :as_binaries))
IO.puts(inspect('abc', charlists: :as_lists))
IO.inspect([7, 8], charlists: :as_charlists, label: "x")

# defdelegate without parentheses.
defmodule D do
  def hi, do: :hi
end

defmodule E do
  defdelegate hi, to: D
  defdelegate hello, to: D, as: :hi
end

IO.inspect({E.hi(), E.hello()})
