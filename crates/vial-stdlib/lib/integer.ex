# Integer: the Integer functions written in Elixir in Elixir 1.14
# (`lib/elixir/lib/integer.ex`); to_string/parse/digits are BIFs.
defmodule Integer do
  # Whether the integer is odd (a guard in Elixir, a function here).
  def is_odd(integer) when is_integer(integer), do: rem(integer, 2) != 0

  # Whether the integer is even.
  def is_even(integer) when is_integer(integer), do: rem(integer, 2) == 0

  # base raised to a non-negative exponent (ArithmeticError for negative).
  def pow(base, exponent) when is_integer(base) and is_integer(exponent) do
    if exponent < 0, do: raise(ArithmeticError)
    pow_loop(base, exponent, 1)
  end

  defp pow_loop(_base, 0, acc), do: acc

  defp pow_loop(base, exponent, acc) do
    acc = if rem(exponent, 2) == 1, do: acc * base, else: acc
    pow_loop(base * base, div(exponent, 2), acc)
  end

  # The remainder of floored division (the sign of the divisor).
  def mod(dividend, divisor) when is_integer(dividend) and is_integer(divisor) do
    remainder = rem(dividend, divisor)
    if remainder * divisor < 0, do: remainder + divisor, else: remainder
  end

  # Floored division.
  def floor_div(dividend, divisor) when is_integer(dividend) and is_integer(divisor) do
    if dividend * divisor < 0 and rem(dividend, divisor) != 0,
      do: div(dividend, divisor) - 1,
      else: div(dividend, divisor)
  end

  # The greatest common divisor (non-negative).
  def gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2),
    do: gcd_positive(abs(integer1), abs(integer2))

  defp gcd_positive(0, integer2), do: integer2
  defp gcd_positive(integer1, 0), do: integer1
  defp gcd_positive(integer1, integer2), do: gcd_positive(integer2, rem(integer1, integer2))

  # {gcd, s, t} with gcd = a * s + b * t.
  def extended_gcd(0, 0), do: {0, 0, 0}
  def extended_gcd(0, b), do: {b, 0, 1}
  def extended_gcd(a, 0), do: {a, 1, 0}

  def extended_gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2),
    do: extended_gcd(integer2, integer1, 0, 1, 1, 0)

  defp extended_gcd(r1, r0, s1, s0, t1, t0) do
    div = div(r0, r1)

    case r0 - div * r1 do
      0 when r1 > 0 -> {r1, s1, t1}
      0 when r1 < 0 -> {-r1, -s1, -t1}
      r2 -> extended_gcd(r2, r1, s0 - div * s1, s1, t0 - div * t1, t1)
    end
  end

  # The integer whose digits (most significant first) in base are given.
  def undigits(digits, base \\ 10) when is_list(digits) and is_integer(base) and base >= 2,
    do: do_undigits(digits, base, 0)

  defp do_undigits([], _base, acc), do: acc

  defp do_undigits([digit | _], base, _) when is_integer(digit) and digit >= base,
    do: raise(ArgumentError, "invalid digit #{digit} in base #{base}")

  defp do_undigits([digit | tail], base, acc) when is_integer(digit),
    do: do_undigits(tail, base, acc * base + digit)

  # The charlist of the integer's digits in base (default 10).
  def to_charlist(integer, base \\ 10), do: String.to_charlist(Integer.to_string(integer, base))

  # Deprecated name of to_charlist/1,2.
  def to_char_list(integer), do: to_charlist(integer)
  def to_char_list(integer, base), do: to_charlist(integer, base)
end
