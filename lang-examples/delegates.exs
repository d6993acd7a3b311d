# A small command parser: `defdelegate` forwards to other modules,
# `'prefix' ++ rest` patterns match charlist commands by their prefix,
# and a failed anonymous function clause names its defining function.
defmodule Text do
  defdelegate shout(s), to: String, as: :upcase
  defdelegate reverse(s), to: String
  defdelegate size(list), to: Kernel, as: :length
end

defmodule Command do
  def parse('get ' ++ key), do: {:get, List.to_string(key)}
  def parse('set ' ++ rest) do
    [key, value] = :string.split(rest, ' ')
    {:set, List.to_string(key), List.to_string(value)}
  end

  def parse([?# | _]), do: :comment
  def parse(_), do: :unknown

  def run(lines) do
    Enum.reduce(lines, %{}, fn line, store ->
      case parse(line) do
        {:set, k, v} ->
          Map.put(store, k, v)

        {:get, k} ->
          IO.puts("#{k} = #{Map.get(store, k, "(unset)")}")
          store

        other ->
          IO.puts("skipped: #{inspect(other)}")
          store
      end
    end)
  end

  def checked(n) do
    positive = fn x when x > 0 -> x end

    try do
      positive.(n)
    rescue
      e in FunctionClauseError -> Exception.message(e)
    end
  end
end

IO.puts(Text.shout("quiet"))
IO.puts(Text.reverse("stressed"))
IO.puts(Text.size([1, 2, 3]))

store = Command.run(['set colour blue', 'get colour', '# note', 'get size', 'drop all'])
IO.inspect(store)

[1, 2] ++ tail = [1, 2, 3, 4]
IO.inspect(tail)

IO.inspect(Command.checked(5))
IO.puts(Command.checked(-1))
