# Struct updates check the struct's module (BadStructError), a struct
# module implementing the Access behaviour serves s[k] and get_in and the
# rest, and structs: false shows a struct with its own Inspect as a map.
defmodule Pt do
  defstruct x: 0, y: 0
  def bump(p), do: %Pt{p | y: 1}
end
defmodule Other do
  defstruct x: 0, y: 0
end
defmodule RunUpdate do
  def run do
for v <- [%Pt{}, %{x: 1}, %{x: 1, y: 2}, struct(Other), 5] do
  IO.inspect(try do Pt.bump(v) rescue e -> {e, Exception.message(e)} end)
end
  end
end
RunUpdate.run()
defmodule Bag do
  defstruct data: %{}
  def fetch(%Bag{data: d}, k), do: Map.fetch(d, k)
  def get_and_update(%Bag{data: d} = b, k, f) do
    {v, d2} = Map.get_and_update(d, k, f)
    {v, %Bag{b | data: d2}}
  end
  def pop(%Bag{data: d} = b, k) do
    {v, d2} = Map.pop(d, k)
    {v, %Bag{b | data: d2}}
  end
end
defmodule Plain do
  defstruct a: 1
end
defmodule Run do
  def run do
    b = %Bag{data: %{a: 1, b: %{c: 2}}}
    IO.inspect(b[:a])
    IO.inspect(b[:zz])
    IO.inspect(get_in(b, [:b, :c]))
    IO.inspect(put_in(b, [:b, :c], 3))
    IO.inspect(update_in(b[:a], &(&1 + 10)))
    IO.inspect(pop_in(b, [:a]))
    IO.inspect(Access.get(b, :a))
    IO.inspect(%{k: b}[:k][:a])
    try do
      IO.inspect(%Plain{}[:a])
    rescue
      e -> IO.puts(Exception.message(e))
    end
    IO.inspect(%{a: 1}[:a])
  end
end
Run.run()
defmodule C do
  defstruct r: 3
end
defimpl Inspect, for: C do
  def inspect(c, _), do: "#C<#{c.r}>"
end
defmodule ShowC do
  def run do
    IO.inspect(%C{})
    IO.inspect(%C{}, structs: false)
    IO.inspect([%C{r: 1}], structs: false)
    IO.puts(inspect(%C{r: 2}, structs: false))
  end
end
ShowC.run()
