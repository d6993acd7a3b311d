# import: calling another module's functions without naming the module.
# An import is lexical: in a module body it applies to the definitions after
# it, at the top of a file to the code and modules after it, and inside a
# function to the rest of that block. A module's own functions come first.
import Enum, only: [sum: 1, map: 2]

defmodule Geometry do
  def square(x), do: x * x
  def cube(x), do: x * x * x
  def __secret__, do: :hidden
end

defmodule Shapes do
  import Geometry

  # `sum/1` and `map/2` come from the file's import above.
  def volumes(sides), do: sides |> map(&cube/1) |> sum()
  def areas(sides), do: Enum.map(sides, fn s -> square(s) end)
  def scaled(x, by \\ square(2)), do: x * by
end

defmodule Text do
  import String, except: [upcase: 1]

  # `upcase/1` is imported from here to the end of the function.
  def shout(s) do
    import String, only: [upcase: 1]
    upcase(s) <> "!"
  end

  def whisper(s), do: s |> trim() |> downcase()
  def title(s), do: capitalize(s)
end

defmodule Listy do
  # Kernel is imported by default; `except:` hides some of its functions,
  # so the module can define its own.
  import Kernel, except: [length: 1]
  def length(list), do: {:items, Kernel.length(list)}
  def count(list), do: length(list)
end

IO.inspect(sum([1, 2, 3]))
IO.inspect(Shapes.volumes([1, 2, 3]))
IO.inspect(Shapes.areas([4, 5]))
IO.inspect(Shapes.scaled(3))
IO.puts(Text.shout("hey"))
IO.puts(Text.whisper("  Hey "))
IO.puts(Text.title("ada"))
IO.inspect(Listy.count([:a, :b]))

module = import Integer, only: [parse: 1, is_even: 1]
IO.inspect(module)
IO.inspect(parse("42"))
IO.inspect(Enum.filter(1..6, &is_even/1))
