# Range: first..last//step structs (Elixir 1.14 `lib/elixir/lib/range.ex`).
# Enumerating them is Enum's job.
defmodule Range do
  defstruct first: nil, last: nil, step: nil

  # Deprecated: whether the term is a range.
  def range?(%{__struct__: Range, first: first, last: last})
      when is_integer(first) and is_integer(last),
      do: true

  def range?(_term), do: false

  # first..last, stepping by 1 or -1 towards last.
  def new(first, last) when is_integer(first) and is_integer(last) do
    step = if first <= last, do: 1, else: -1
    first..last//step
  end

  def new(first, last) do
    raise ArgumentError,
          "ranges (first..last) expect both sides to be integers, got: " <>
            inspect(first) <> ".." <> inspect(last)
  end

  # first..last//step.
  def new(first, last, step)
      when is_integer(first) and is_integer(last) and is_integer(step) and step != 0,
      do: first..last//step

  def new(first, last, step) do
    raise ArgumentError,
          "ranges (first..last//step) expect both sides to be integers and the step to be a " <>
            "non-zero integer, got: " <>
            inspect(first) <> ".." <> inspect(last) <> "//" <> inspect(step)
  end

  # The number of elements.
  def size(%{__struct__: Range, first: first, last: last, step: step})
      when step > 0 and first > last,
      do: 0

  def size(%{__struct__: Range, first: first, last: last, step: step})
      when step < 0 and first < last,
      do: 0

  def size(%{__struct__: Range, first: first, last: last, step: step}),
    do: abs(div(last - first, step)) + 1

  # The range moved by steps_to_shift steps.
  def shift(%{__struct__: Range, first: first, last: last, step: step}, steps_to_shift)
      when is_integer(steps_to_shift),
      do: new(first + steps_to_shift * step, last + steps_to_shift * step, step)

  # Whether the two ranges have no element in common.
  def disjoint?(
        %{__struct__: Range, first: first1, last: last1, step: step1} = range1,
        %{__struct__: Range, first: first2, last: last2, step: step2} = range2
      ) do
    if size(range1) == 0 or size(range2) == 0 do
      true
    else
      {first1, last1, step1} = normalize(first1, last1, step1)
      {first2, last2, step2} = normalize(first2, last2, step2)

      cond do
        last2 < first1 or last1 < first2 ->
          true

        abs(step1) == 1 and abs(step2) == 1 ->
          false

        true ->
          {gcd, u, v} = Integer.extended_gcd(-step1, step2)
          c = first1 - first2 + step2 - step1
          t1 = -c / step1 * u
          t2 = -c / step2 * v
          t = max(floor(t1) + 1, floor(t2) + 1)
          x = div(c * u + t * step2, gcd) - 1
          y = div(c * v + t * step1, gcd) - 1

          x < 0 or first1 + x * step1 > last1 or
            y < 0 or first2 + y * step2 > last2
      end
    end
  end

  defp normalize(first, last, step) when first > last, do: {last, first, -step}
  defp normalize(first, last, step), do: {first, last, step}
end
