# Float: the Float functions not built into the VM (Elixir 1.14
# `lib/elixir/lib/float.ex`); parse/round/floor/ceil/to_string are BIFs.
defmodule Float do
  # base (a float) raised to exponent.
  def pow(base, exponent) when is_float(base) and is_number(exponent),
    do: :math.pow(base, exponent)

  # The largest finite float.
  def max_finite, do: 1.7976931348623157e308

  # The smallest (most negative) finite float.
  def min_finite, do: -1.7976931348623157e308

  # The charlist of the float's shortest representation.
  def to_charlist(float) when is_float(float), do: String.to_charlist(Float.to_string(float))

  # Deprecated name of to_charlist/1.
  def to_char_list(float), do: to_charlist(float)

  # Deprecated: the float written by :erlang.float_to_list/2 with options
  # decimals:, scientific: and compact: (true for the :compact flag).
  def to_char_list(float, options), do: :erlang.float_to_list(float, expand_compact(options))

  # Deprecated: the float written by :erlang.float_to_binary/2 with the
  # options of to_char_list/2.
  def to_string(float, options), do: :erlang.float_to_binary(float, expand_compact(options))

  defp expand_compact([{:compact, true} | rest]), do: [:compact | expand_compact(rest)]
  defp expand_compact([{:compact, false} | rest]), do: expand_compact(rest)
  defp expand_compact([option | rest]), do: [option | expand_compact(rest)]
  defp expand_compact([]), do: []

  # The exact fraction {numerator, denominator} the float stands for, the
  # denominator a power of two: doubling a float is exact, so the first
  # whole multiple gives it.
  def ratio(float) when is_float(float), do: ratio(float, 1)

  defp ratio(f, den) do
    if f == Float.floor(f), do: {trunc(f), den}, else: ratio(f * 2, den * 2)
  end
end
