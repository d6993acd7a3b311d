# Macro: only the plain string functions of Elixir 1.14's Macro module
# (Vial has no macros). Both work on ASCII letters, byte by byte; other
# bytes pass through unchanged.
defmodule Macro do
  # The string in CamelCase: leading underscores dropped, the letter or
  # digit after an underscore upcased in its place, "/" turned into "."
  # starting a new segment, the first letter of each segment upcased.
  # Uppercase letters are kept as they are.
  def camelize(string) when is_binary(string),
    do: :erlang.list_to_binary(camelize_segment(:erlang.binary_to_list(string)))

  defp camelize_segment([?_ | rest]), do: camelize_segment(rest)
  defp camelize_segment([char | rest]), do: [upcase(char) | camelize_rest(rest)]
  defp camelize_segment([]), do: []

  defp camelize_rest([?_, ?_ | rest]), do: camelize_rest([?_ | rest])

  defp camelize_rest([?_, char | rest]) when char in ?a..?z or char in ?0..?9,
    do: [upcase(char) | camelize_rest(rest)]

  defp camelize_rest([?_]), do: []
  defp camelize_rest([?/ | rest]), do: [?. | camelize_segment(rest)]
  defp camelize_rest([char | rest]), do: [char | camelize_rest(rest)]
  defp camelize_rest([]), do: []

  # The string (or an Elixir module's name) in underscore-slash form:
  # "." turned into "/" starting a new segment, and each uppercase letter
  # downcased, with "_" put before it (unless it starts a segment) when it
  # follows a character other than an uppercase letter or "_", or when
  # it is followed by a character other than an uppercase letter, a digit,
  # "_" or ".". A non-Elixir atom is a MatchError, as in Elixir.
  def underscore(atom) when is_atom(atom) do
    "Elixir." <> name = Atom.to_string(atom)
    underscore(name)
  end

  def underscore(string) when is_binary(string),
    do: :erlang.list_to_binary(underscore_segment(:erlang.binary_to_list(string)))

  defp underscore_segment([char | rest]), do: [downcase(char) | underscore_rest(rest, char)]
  defp underscore_segment([]), do: []

  defp underscore_rest([?. | rest], _previous), do: [?/ | underscore_segment(rest)]

  defp underscore_rest([char | rest], previous) when char in ?A..?Z do
    if word_start?(previous, rest),
      do: [?_, downcase(char) | underscore_rest(rest, char)],
      else: [downcase(char) | underscore_rest(rest, char)]
  end

  defp underscore_rest([char | rest], _previous), do: [char | underscore_rest(rest, char)]
  defp underscore_rest([], _previous), do: []

  # Whether an uppercase letter between previous and rest starts a word.
  defp word_start?(previous, _rest) when previous not in ?A..?Z and previous != ?_, do: true
  defp word_start?(_previous, []), do: false

  defp word_start?(_previous, [next | _]),
    do: not (next in ?A..?Z or next in ?0..?9 or next in [?_, ?.])

  defp upcase(char) when char in ?a..?z, do: char - 32
  defp upcase(char), do: char

  defp downcase(char) when char in ?A..?Z, do: char + 32
  defp downcase(char), do: char
end
