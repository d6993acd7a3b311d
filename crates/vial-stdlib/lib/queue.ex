# OTP's queue module: a FIFO queue as a pair of lists {rear, front}, the
# clauses of OTP's queue.erl so that a printed queue has the same shape.
# `in/2` is a BIF (a reserved word cannot name a Vial function).
defmodule :queue do
  def new, do: {[], []}

  def is_queue({r, f}) when is_list(r) and is_list(f), do: true
  def is_queue(_), do: false

  def is_empty({[], []}), do: true
  def is_empty({r, f}) when is_list(r) and is_list(f), do: false

  def len({r, f}) when is_list(r) and is_list(f), do: length(r) + length(f)

  def to_list({r, f}) when is_list(r) and is_list(f), do: f ++ Enum.reverse(r)

  def from_list(list) when is_list(list), do: f2r(list)

  def member(x, {r, f}) when is_list(r) and is_list(f), do: x in r or x in f

  def reverse({r, f}) when is_list(r) and is_list(f), do: {f, r}

  def in_r(x, {[], [_] = f}), do: {f, [x]}
  def in_r(x, {r, f}) when is_list(r) and is_list(f), do: {r, [x | f]}

  def out({[], []} = q), do: {:empty, q}
  def out({[v], []}), do: {{:value, v}, {[], []}}

  def out({[y | r], []}) do
    [v | f] = Enum.reverse(r)
    {{:value, v}, {[y], f}}
  end

  def out({r, [v]}) when is_list(r), do: {{:value, v}, r2f(r)}
  def out({r, [v | f]}) when is_list(r), do: {{:value, v}, {r, f}}

  def out_r({[], []} = q), do: {:empty, q}
  def out_r({[], [v]}), do: {{:value, v}, {[], []}}

  def out_r({[], [y | f]}) do
    [v | r] = Enum.reverse(f)
    {{:value, v}, {r, [y]}}
  end

  def out_r({[v], f}) when is_list(f), do: {{:value, v}, f2r(f)}
  def out_r({[v | r], f}) when is_list(f), do: {{:value, v}, {r, f}}

  def peek({[], []}), do: :empty
  def peek({r, [h | _]}) when is_list(r), do: {:value, h}
  def peek({[h], []}), do: {:value, h}
  def peek({[_ | r], []}), do: {:value, List.last(r)}

  def peek_r({[], []}), do: :empty
  def peek_r({[h | _], f}) when is_list(f), do: {:value, h}
  def peek_r({[], [h]}), do: {:value, h}
  def peek_r({[], [_ | f]}), do: {:value, List.last(f)}

  def filter(fun, {r, f}) when is_list(r) and is_list(f) do
    front = Enum.flat_map(f, &filter_result(fun.(&1), &1))
    rear = r |> Enum.reverse() |> Enum.flat_map(&filter_result(fun.(&1), &1)) |> Enum.reverse()

    cond do
      rear == [] -> f2r(front)
      front == [] -> r2f(rear)
      true -> {rear, front}
    end
  end

  def join({_, _} = q, {[], []}), do: q
  def join({[], []}, {_, _} = q), do: q
  def join({r1, f1}, {r2, f2}), do: {r2, f1 ++ Enum.reverse(r1, f2)}

  defp filter_result(true, x), do: [x]
  defp filter_result(false, _), do: []
  defp filter_result(list, _) when is_list(list), do: list

  # A front list made a queue: its back half reversed into the rear.
  defp f2r([]), do: {[], []}
  defp f2r([_] = f), do: {f, []}
  defp f2r([x, y]), do: {[y], [x]}

  defp f2r(list) do
    {ff, rr} = Enum.split(list, div(length(list), 2))
    {Enum.reverse(rr), ff}
  end

  # A rear list made a queue: its back half reversed into the front.
  defp r2f([]), do: {[], []}
  defp r2f([_] = r), do: {[], r}
  defp r2f([y, x]), do: {[y], [x]}

  defp r2f(list) do
    {rr, ff} = Enum.split(list, div(length(list), 2))
    {rr, Enum.reverse(ff)}
  end
end
