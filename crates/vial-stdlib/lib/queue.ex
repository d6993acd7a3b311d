# Erlang's `queue`: a double-ended FIFO queue kept as a pair of lists
# `{rear, front}`. `front` holds the oldest items, oldest first; `rear`
# holds the newest items, newest first. When one side runs dry an
# operation refills it from the other, moving half of that side's items
# over (`refill_front/1`, `refill_rear/1`), so that a printed queue has
# the same shape as one built by OTP's module.
#
# `in/2` is a BIF (`in` is a reserved word and cannot name a Vial function).
# Every function fails with `badarg` when given something that is not a
# queue; the "get"-style functions fail with `empty` on an empty queue.
defmodule :queue do
  # ---- Original API ---------------------------------------------------------

  def new, do: {[], []}

  def is_queue({r, f}) when is_list(r) and is_list(f), do: true
  def is_queue(_), do: false

  def is_empty({[], []}), do: true
  def is_empty({r, f}) when is_list(r) and is_list(f), do: false
  def is_empty(q), do: :erlang.error(:badarg, [q])

  def len({r, f}) when is_list(r) and is_list(f), do: length(r) + length(f)
  def len(q), do: :erlang.error(:badarg, [q])

  def to_list({r, f}) when is_list(r) and is_list(f), do: f ++ :lists.reverse(r)
  def to_list(q), do: :erlang.error(:badarg, [q])

  def from_list(items) when is_list(items), do: refill_rear(items)
  def from_list(items), do: :erlang.error(:badarg, [items])

  def member(x, {r, f}) when is_list(r) and is_list(f),
    do: :lists.member(x, f) or :lists.member(x, r)

  def member(x, q), do: :erlang.error(:badarg, [x, q])

  # in/2 is the BIF: {[x], [y]} from {[y], []}, otherwise x pushed on the rear
  # (snoc/2 below does the same).

  # Item at the front. A lone front item with an empty rear moves to the rear.
  def in_r(x, {[], [y]}), do: {[y], [x]}
  def in_r(x, {r, f}) when is_list(r) and is_list(f), do: {r, [x | f]}
  def in_r(x, q), do: :erlang.error(:badarg, [x, q])

  def out({[], []} = q), do: {:empty, q}
  def out({r, f} = q) when is_list(r) and is_list(f), do: {{:value, front_item(q)}, without_front(q)}
  def out(q), do: :erlang.error(:badarg, [q])

  # ---- Extended API ---------------------------------------------------------

  def out_r({[], []} = q), do: {:empty, q}
  def out_r({r, f} = q) when is_list(r) and is_list(f), do: {{:value, rear_item(q)}, without_rear(q)}
  def out_r(q), do: :erlang.error(:badarg, [q])

  def get({[], []} = q), do: :erlang.error(:empty, [q])
  def get({r, f} = q) when is_list(r) and is_list(f), do: front_item(q)
  def get(q), do: :erlang.error(:badarg, [q])

  def get_r({[], []} = q), do: :erlang.error(:empty, [q])
  def get_r({r, f} = q) when is_list(r) and is_list(f), do: rear_item(q)
  def get_r(q), do: :erlang.error(:badarg, [q])

  def peek({[], []}), do: :empty
  def peek({r, f} = q) when is_list(r) and is_list(f), do: {:value, front_item(q)}
  def peek(q), do: :erlang.error(:badarg, [q])

  def peek_r({[], []}), do: :empty
  def peek_r({r, f} = q) when is_list(r) and is_list(f), do: {:value, rear_item(q)}
  def peek_r(q), do: :erlang.error(:badarg, [q])

  def drop({[], []} = q), do: :erlang.error(:empty, [q])
  def drop({r, f} = q) when is_list(r) and is_list(f), do: without_front(q)
  def drop(q), do: :erlang.error(:badarg, [q])

  def drop_r({[], []} = q), do: :erlang.error(:empty, [q])
  def drop_r({r, f} = q) when is_list(r) and is_list(f), do: without_rear(q)
  def drop_r(q), do: :erlang.error(:badarg, [q])

  def reverse({r, f}) when is_list(r) and is_list(f), do: {f, r}
  def reverse(q), do: :erlang.error(:badarg, [q])

  # All of q1's items, then all of q2's.
  def join({r, f} = q1, {[], []}) when is_list(r) and is_list(f), do: q1
  def join({[], []}, {r, f} = q2) when is_list(r) and is_list(f), do: q2

  def join({r1, f1}, {r2, f2}) when is_list(r1) and is_list(f1) and is_list(r2) and is_list(f2),
    do: {r2, f1 ++ :lists.reverse(r1, f2)}

  def join(q1, q2), do: :erlang.error(:badarg, [q1, q2])

  # The first n items and the rest, as two queues.
  def split(0, {r, f} = q) when is_list(r) and is_list(f), do: {{[], []}, q}

  def split(n, {r, f} = q) when is_integer(n) and n > 0 and is_list(r) and is_list(f) do
    in_front = length(f)

    cond do
      n < in_front ->
        # Only front items go: the first one stays in front, the others
        # make the rear of the first queue.
        {taken, kept} = take_n(f, n, [])
        [first | others] = :lists.reverse(taken)
        {{:lists.reverse(others), [first]}, {r, kept}}

      n == in_front ->
        {refill_rear(f), refill_front(r)}

      true ->
        left = length(r) - (n - in_front)

        cond do
          left == 0 ->
            {q, {[], []}}

          left > 0 ->
            # The newest `left` items (the head of the rear) make the
            # second queue; its newest item stays in its rear.
            {newest, older} = take_n(r, left, [])
            [last | others] = :lists.reverse(newest)
            {{older, f}, {[last], :lists.reverse(others)}}

          true ->
            :erlang.error(:badarg, [n, q])
        end
    end
  end

  def split(n, q), do: :erlang.error(:badarg, [n, q])

  # Items for which fun returns true (kept), false (dropped) or a list
  # (which replaces the item), in queue order.
  def filter(fun, {r, f}) when is_function(fun, 1) and is_list(r) and is_list(f) do
    front = filter_items(fun, f)
    rear = :lists.reverse(filter_items(fun, :lists.reverse(r)))
    rebuild(rear, front)
  end

  def filter(fun, q), do: :erlang.error(:badarg, [fun, q])

  # Items for which fun returns true (kept), false (dropped) or
  # {true, value} (replaced by value), in queue order.
  def filtermap(fun, {r, f}) when is_function(fun, 1) and is_list(r) and is_list(f) do
    front = filtermap_items(fun, f)
    rear = :lists.reverse(filtermap_items(fun, :lists.reverse(r)))
    rebuild(rear, front)
  end

  def filtermap(fun, q), do: :erlang.error(:badarg, [fun, q])

  def fold(fun, acc, {r, f}) when is_function(fun, 2) and is_list(r) and is_list(f) do
    fold_items(fun, fold_items(fun, acc, f), :lists.reverse(r))
  end

  def fold(fun, acc, q), do: :erlang.error(:badarg, [fun, acc, q])

  # any/all look at the front list, then the rear list as stored.
  def any(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: any_item(pred, f) or any_item(pred, r)

  def any(pred, q), do: :erlang.error(:badarg, [pred, q])

  def all(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: all_items(pred, f) and all_items(pred, r)

  def all(pred, q), do: :erlang.error(:badarg, [pred, q])

  # The first item (from the front) exactly equal to x removed.
  def delete(x, {r, f} = q) when is_list(r) and is_list(f),
    do: delete_with_matcher(fn y -> y === x end, q)

  def delete(x, q), do: :erlang.error(:badarg, [x, q])

  # The last item (nearest the rear) exactly equal to x removed.
  def delete_r(x, {r, f} = q) when is_list(r) and is_list(f),
    do: delete_r_with_matcher(fn y -> y === x end, q)

  def delete_r(x, q), do: :erlang.error(:badarg, [x, q])

  def delete_with(pred, {r, f} = q) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: delete_with_matcher(fn y -> truth(pred.(y)) end, q)

  def delete_with(pred, q), do: :erlang.error(:badarg, [pred, q])

  def delete_with_r(pred, {r, f} = q) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: delete_r_with_matcher(fn y -> truth(pred.(y)) end, q)

  def delete_with_r(pred, q), do: :erlang.error(:badarg, [pred, q])

  # ---- Okasaki API ----------------------------------------------------------

  def cons(x, q), do: in_r(x, q)

  def head({[], []} = q), do: :erlang.error(:empty, [q])
  def head({r, f} = q) when is_list(r) and is_list(f), do: front_item(q)
  def head(q), do: :erlang.error(:badarg, [q])

  def tail(q), do: drop(q)

  def snoc({[y], []}, x), do: {[x], [y]}
  def snoc({r, f}, x) when is_list(r) and is_list(f), do: {[x | r], f}
  def snoc(q, x), do: :erlang.error(:badarg, [q, x])

  def daeh(q), do: get_r(q)
  def last(q), do: get_r(q)

  def liat(q), do: drop_r(q)
  def init(q), do: drop_r(q)
  def lait(q), do: drop_r(q)

  # ---- helpers --------------------------------------------------------------

  # The oldest item of a non-empty queue.
  defp front_item({_, [x | _]}), do: x
  defp front_item({r, []}), do: :lists.last(r)

  # The newest item of a non-empty queue.
  defp rear_item({[x | _], _}), do: x
  defp rear_item({[], f}), do: :lists.last(f)

  # A non-empty queue without its oldest item.
  defp without_front({[_], []}), do: {[], []}

  defp without_front({[newest | rest], []}) do
    [_ | front] = :lists.reverse(rest)
    {[newest], front}
  end

  defp without_front({r, [_]}), do: refill_front(r)
  defp without_front({r, [_ | f]}), do: {r, f}

  # A non-empty queue without its newest item.
  defp without_rear({[], [_]}), do: {[], []}

  defp without_rear({[], [oldest | rest]}) do
    [_ | rear] = :lists.reverse(rest)
    {rear, [oldest]}
  end

  defp without_rear({[_], f}), do: refill_rear(f)
  defp without_rear({[_ | r], f}), do: {r, f}

  # A queue from front items only (oldest first): the newer half (the
  # larger half when odd) goes to the rear.
  defp refill_rear(items) do
    {older, newer} = take_n(items, div(length(items), 2), [])
    {:lists.reverse(newer), :lists.reverse(older)}
  end

  # A queue from rear items only (newest first): the older half (the
  # larger half when odd) goes to the front.
  defp refill_front(items) do
    {newer, older} = take_n(items, div(length(items), 2), [])
    {:lists.reverse(newer), :lists.reverse(older)}
  end

  # {first n items reversed, the rest}
  defp take_n(rest, 0, acc), do: {acc, rest}
  defp take_n([x | rest], n, acc), do: take_n(rest, n - 1, [x | acc])

  # A queue from filtered rear and front lists: an empty side is refilled.
  defp rebuild([], front), do: refill_rear(front)
  defp rebuild(rear, []), do: refill_front(rear)
  defp rebuild(rear, front), do: {rear, front}

  defp filter_items(_fun, []), do: []

  defp filter_items(fun, [x | rest]) do
    case fun.(x) do
      true -> [x | filter_items(fun, rest)]
      false -> filter_items(fun, rest)
      list when is_list(list) -> list ++ filter_items(fun, rest)
    end
  end

  defp filtermap_items(_fun, []), do: []

  defp filtermap_items(fun, [x | rest]) do
    case fun.(x) do
      true -> [x | filtermap_items(fun, rest)]
      false -> filtermap_items(fun, rest)
      {true, y} -> [y | filtermap_items(fun, rest)]
    end
  end

  defp fold_items(_fun, acc, []), do: acc
  defp fold_items(fun, acc, [x | rest]), do: fold_items(fun, fun.(x, acc), rest)

  defp any_item(_pred, []), do: false

  defp any_item(pred, [x | rest]) do
    case pred.(x) do
      true -> true
      false -> any_item(pred, rest)
    end
  end

  defp all_items(_pred, []), do: true

  defp all_items(pred, [x | rest]) do
    case pred.(x) do
      true -> all_items(pred, rest)
      false -> false
    end
  end

  defp truth(result) do
    case result do
      true -> true
      false -> false
    end
  end

  # Front list first (from its head), then the rear list from its end.
  defp delete_with_matcher(match, {r, f} = q) do
    case remove_first(match, f) do
      {:found, []} ->
        refill_front(r)

      {:found, f2} ->
        {r, f2}

      :none ->
        case remove_first(match, :lists.reverse(r)) do
          {:found, []} -> refill_rear(f)
          {:found, rq} -> {:lists.reverse(rq), f}
          :none -> q
        end
    end
  end

  # Rear list first (from its head), then the front list from its end.
  defp delete_r_with_matcher(match, {r, f} = q) do
    case remove_first(match, r) do
      {:found, []} ->
        refill_rear(f)

      {:found, r2} ->
        {r2, f}

      :none ->
        case remove_first(match, :lists.reverse(f)) do
          {:found, []} -> refill_front(r)
          {:found, fq} -> {r, :lists.reverse(fq)}
          :none -> q
        end
    end
  end

  # {:found, list without its first matching item} or :none
  defp remove_first(_match, []), do: :none

  defp remove_first(match, [x | rest]) do
    if match.(x) do
      {:found, rest}
    else
      case remove_first(match, rest) do
        {:found, rest2} -> {:found, [x | rest2]}
        :none -> :none
      end
    end
  end
end
