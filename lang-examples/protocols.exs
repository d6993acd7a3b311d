# Protocols: a protocol of our own with implementations for built-in
# types, a struct and a fallback, and the standard library's String.Chars
# and Inspect implemented for a struct (used by interpolation, IO.puts,
# to_string and inspect), and a derived Inspect.
defprotocol Shape do
  @fallback_to_any true
  def area(shape)
  def name(shape)
end

defmodule Circle do
  defstruct r: 1.0

  defimpl Shape do
    def area(%Circle{r: r}), do: Float.round(3.14159 * r * r, 2)
    def name(_), do: "circle"
  end
end

defmodule Rect do
  defstruct w: 1, h: 1
end

defimpl Shape, for: Rect do
  def area(%Rect{w: w, h: h}), do: w * h
  def name(%Rect{w: s, h: s}), do: "square"
  def name(_), do: "rectangle"
end

defimpl Shape, for: [Integer, Float] do
  def area(side), do: side * side
  def name(_), do: "number as a square"
end

defimpl Shape, for: Any do
  def area(_), do: 0
  def name(_), do: "not a shape"
end

defimpl String.Chars, for: Rect do
  def to_string(%Rect{w: w, h: h}), do: "#{w}x#{h}"
end

defimpl Inspect, for: Rect do
  def inspect(%Rect{w: w, h: h}, _opts), do: "#Rect<#{w}x#{h}>"
end

# A protocol without a fallback: a struct gets the Any implementation
# only by deriving it.
defprotocol Size do
  def size(x)
end

defimpl Size, for: Any do
  def size(_), do: :unknown
end

defimpl Size, for: List do
  def size(list), do: length(list)
end

defmodule Box do
  @derive [Size]
  defstruct items: []
end

# A struct made enumerable and collectable, so Enum and for work on it.
defmodule Bag do
  defstruct items: []
end

defimpl Enumerable, for: Bag do
  def count(%Bag{items: items}), do: {:ok, length(items)}
  def member?(%Bag{items: items}, x), do: {:ok, x in items}
  def slice(_), do: {:error, __MODULE__}
  def reduce(_, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(bag, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(bag, &1, fun)}
  def reduce(%Bag{items: []}, {:cont, acc}, _fun), do: {:done, acc}
  def reduce(%Bag{items: [h | t]}, {:cont, acc}, fun), do: reduce(%Bag{items: t}, fun.(h, acc), fun)
end

defimpl Collectable, for: Bag do
  def into(%Bag{items: items}) do
    collector = fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> %Bag{items: items ++ Enum.reverse(acc)}
      _acc, :halt -> :ok
    end

    {[], collector}
  end
end

# A derived Inspect that hides a field.
defmodule Account do
  @derive {Inspect, except: [:pin]}
  defstruct [:owner, :pin, balance: 0]
end

defmodule Main do
  def run do
    shapes = [%Circle{r: 2.0}, %Rect{w: 3, h: 4}, %Rect{w: 5, h: 5}, 7, 1.5, :blob]

    for s <- shapes do
      IO.puts("#{Shape.name(s)}: #{Shape.area(s)}")
    end

    r = %Rect{w: 2, h: 3}
    IO.puts(r)
    IO.puts("the rectangle is #{r}")
    IO.inspect(r)
    IO.inspect(%{best: r, all: [r, %Circle{}]})
    IO.inspect(to_string(r) <> "!")
    IO.puts(Enum.map_join([r, %Rect{}], ", ", &to_string/1))

    IO.inspect(%Account{owner: "ada", pin: 1234})
    IO.inspect({Size.size([1, 2, 3]), Size.size(%Box{})})
    bag = Enum.into([2, 3], %Bag{items: [1]})
    IO.inspect({Enum.count(bag), Enum.map(bag, &(&1 * 10)), Enum.sum(bag)})
    IO.inspect(for x <- bag, x > 1, do: x)
    IO.inspect({Size.impl_for([]), Size.impl_for(:atom), Shape.impl_for(:atom)})

    try do
      Size.size(:atom)
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end

    try do
      "#{%Circle{}}"
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
