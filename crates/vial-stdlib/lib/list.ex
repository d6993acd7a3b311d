# List: functions on (linked) lists, as Elixir 1.14's `lib/elixir/lib/list.ex`.
# first/1, last/1, flatten/1, wrap/1, duplicate/2, delete/2, insert_at/3 and
# to_tuple/1 are BIFs; these are the rest.
defmodule List do
  # The first element, or default for [].
  def first([], default), do: default
  def first([head | _], _default), do: head

  # The last element, or default for [].
  def last([], default), do: default
  def last([head], _default), do: head
  def last([_ | tail], default), do: last(tail, default)

  # The list flattened, followed by tail.
  def flatten(list, tail), do: :lists.flatten(list) ++ tail

  # Folds fun(element, acc) from the left.
  def foldl(list, acc, fun) when is_list(list) and is_function(fun), do: foldl_list(list, acc, fun)

  defp foldl_list([head | tail], acc, fun), do: foldl_list(tail, fun.(head, acc), fun)
  defp foldl_list([], acc, _fun), do: acc

  # Folds fun(element, acc) from the right.
  def foldr(list, acc, fun) when is_list(list) and is_function(fun),
    do: foldl_list(:lists.reverse(list), acc, fun)

  # The first tuple whose element at position (zero-based) equals key, else
  # default.
  def keyfind(list, key, position), do: keyfind(list, key, position, nil)

  def keyfind(list, key, position, default) when is_integer(position) do
    case :lists.keyfind(key, position + 1, list) do
      false -> default
      tuple -> tuple
    end
  end

  # As keyfind/3, raising KeyError when not found.
  def keyfind!(list, key, position) when is_integer(position) do
    case :lists.keyfind(key, position + 1, list) do
      false ->
        raise KeyError,
          key: key,
          term: list,
          message:
            "key #{inspect(key)} at position #{inspect(position)} not found in: #{inspect(list)}"

      tuple ->
        tuple
    end
  end

  # Whether some tuple has key at position.
  def keymember?(list, key, position) when is_integer(position),
    do: :lists.keymember(key, position + 1, list)

  # The list without the first tuple having key at position.
  def keydelete(list, key, position) when is_integer(position),
    do: :lists.keydelete(key, position + 1, list)

  # The first tuple having key at position replaced by new_tuple.
  def keyreplace(list, key, position, new_tuple) when is_integer(position),
    do: :lists.keyreplace(key, position + 1, list, new_tuple)

  # As keyreplace/4, or new_tuple appended when no tuple has key.
  def keystore(list, key, position, new_tuple) when is_integer(position),
    do: :lists.keystore(key, position + 1, list, new_tuple)

  # {tuple, rest} for the first tuple having key at position, else nil.
  def keytake(list, key, position) when is_integer(position) do
    case :lists.keytake(key, position + 1, list) do
      {:value, element, rest} -> {element, rest}
      false -> nil
    end
  end

  # The tuples sorted (stably) on their element at position, with sorter
  # :asc (default), :desc, a function or a module with compare/2.
  def keysort(list, position), do: keysort(list, position, :asc)

  def keysort(list, position, :asc) when is_list(list) and is_integer(position),
    do: :lists.keysort(position + 1, list)

  def keysort(list, position, sorter) when is_list(list) and is_integer(position),
    do: Enum.lists_sort(keysort_fun(sorter, position + 1), list)

  defp keysort_fun(sorter, p) when is_function(sorter, 2),
    do: fn a, b -> sorter.(elem(a, p - 1), elem(b, p - 1)) end

  defp keysort_fun(:desc, p), do: fn a, b -> elem(a, p - 1) >= elem(b, p - 1) end

  defp keysort_fun(module, p) when is_atom(module),
    do: fn a, b -> module.compare(elem(a, p - 1), elem(b, p - 1)) != :gt end

  defp keysort_fun({:asc, module}, p) when is_atom(module),
    do: fn a, b -> module.compare(elem(a, p - 1), elem(b, p - 1)) != :gt end

  defp keysort_fun({:desc, module}, p) when is_atom(module),
    do: fn a, b -> module.compare(elem(a, p - 1), elem(b, p - 1)) != :lt end

  # The list without the element at index (negative counts from the end).
  def delete_at(list, index) when is_integer(index), do: elem(pop_at(list, index), 1)

  # {element at index, list without it}, or {default, list}.
  def pop_at(list, index, default \\ nil) when is_integer(index) do
    if index < 0,
      do: do_pop_at(list, length(list) + index, default, []),
      else: do_pop_at(list, index, default, [])
  end

  defp do_pop_at([], _index, default, acc), do: {default, :lists.reverse(acc)}
  defp do_pop_at([head | tail], 0, _default, acc), do: {head, :lists.reverse(acc, tail)}

  defp do_pop_at([head | tail], index, default, acc),
    do: do_pop_at(tail, index - 1, default, [head | acc])

  # The list with the element at index replaced by value.
  def replace_at(list, index, value) when is_list(list) and is_integer(index) do
    index = if index < 0, do: length(list) + index, else: index
    if index < 0, do: list, else: replace_at_list(list, index, fn _ -> value end, [])
  end

  # The list with the element at index replaced by fun(element).
  def update_at(list, index, fun) when is_list(list) and is_function(fun) and is_integer(index) do
    index = if index < 0, do: length(list) + index, else: index
    if index < 0, do: list, else: replace_at_list(list, index, fun, [])
  end

  defp replace_at_list([], _index, _fun, acc), do: :lists.reverse(acc)

  defp replace_at_list([head | tail], 0, fun, acc),
    do: :lists.reverse(acc, [fun.(head) | tail])

  defp replace_at_list([head | tail], index, fun, acc),
    do: replace_at_list(tail, index - 1, fun, [head | acc])

  # Whether list starts with prefix.
  def starts_with?([head | tail], [head | prefix_tail]), do: starts_with?(tail, prefix_tail)
  def starts_with?(list, []) when is_list(list), do: true
  def starts_with?(list, [_ | _]) when is_list(list), do: false

  # The shortest edit script turning list1 into list2, as a keyword list of
  # :eq, :del and :ins runs (Myers' greedy algorithm, "An O(ND) Difference
  # Algorithm and Its Variations", 1986, choosing between equally short
  # scripts as Elixir 1.14 does).
  def myers_difference(list1, list2) when is_list(list1) and is_list(list2),
    do: myers_round(0, [{0, list1, list2, []}], nil)

  # As myers_difference/2, but where an element is to be deleted or
  # inserted, diff_script(element1, element2) is first asked for a nested
  # script of the two heads: when it gives one (anything but nil or false)
  # both are consumed by a single {:diff, script} entry.
  def myers_difference(list1, list2, diff_script)
      when is_list(list1) and is_list(list2) and is_function(diff_script),
      do: myers_round(0, [{0, list1, list2, []}], diff_script)

  # Round d extends the furthest path on each diagonal -d, -d + 2, .., d
  # by one edit and then along equal elements. A path is
  # {deleted_and_kept, rest1, rest2, edits_latest_first}.
  defp myers_round(d, paths, script) do
    case myers_diagonals(-d, d, paths, script, []) do
      {:done, edits} -> myers_runs(edits, [])
      {:next, paths} -> myers_round(d + 1, paths, script)
    end
  end

  defp myers_diagonals(k, d, _paths, _script, acc) when k > d, do: {:next, :lists.reverse(acc)}

  defp myers_diagonals(k, d, paths, script, acc) do
    {path, rest} = myers_step(k, d, paths, script)

    case myers_snake(path) do
      {:done, edits} -> {:done, edits}
      {:cont, path} -> myers_diagonals(k + 2, d, rest, script, [path | acc])
    end
  end

  defp myers_step(0, 0, [path], _script), do: {path, []}
  defp myers_step(k, d, [path | _] = paths, script) when k == -d,
    do: {myers_del(path, script), paths}

  defp myers_step(k, d, [path], script) when k == d, do: {myers_ins(path, script), []}

  defp myers_step(_k, _d, [{x1, _, _, _} = left, {x2, _, _, _} = right | rest], script) do
    if x1 > x2,
      do: {myers_ins(left, script), [right | rest]},
      else: {myers_del(right, script), [right | rest]}
  end

  defp myers_ins({x, [elem1 | rest1] = list1, [elem2 | rest2], edits} = path, script) do
    case myers_nested(path, script) do
      nil -> {x, list1, rest2, [{:ins, elem2} | edits]}
      diff -> {x + 1, rest1, rest2, [diff | edits]}
    end
  end

  defp myers_ins({x, rest1, [elem | rest2], edits}, _script),
    do: {x, rest1, rest2, [{:ins, elem} | edits]}

  defp myers_ins({x, rest1, [], edits}, _script), do: {x, rest1, [], edits}

  defp myers_del({x, [elem1 | rest1], [_ | rest2] = list2, edits} = path, script) do
    case myers_nested(path, script) do
      nil -> {x + 1, rest1, list2, [{:del, elem1} | edits]}
      diff -> {x + 1, rest1, rest2, [diff | edits]}
    end
  end

  defp myers_del({x, [elem | rest1], rest2, edits}, _script),
    do: {x + 1, rest1, rest2, [{:del, elem} | edits]}

  defp myers_del({x, [], rest2, edits}, _script), do: {x + 1, [], rest2, edits}

  # {:diff, script} when diff_script has one for the two heads, else nil.
  defp myers_nested(_path, nil), do: nil

  defp myers_nested({_x, [elem1 | _], [elem2 | _], _edits}, script) do
    if diff = script.(elem1, elem2), do: {:diff, diff}, else: nil
  end

  defp myers_snake({x, [elem | rest1], [elem | rest2], edits}),
    do: myers_snake({x + 1, rest1, rest2, [{:eq, elem} | edits]})

  defp myers_snake({_x, [], [], edits}), do: {:done, edits}
  defp myers_snake(path), do: {:cont, path}

  # The edits (latest first) as runs in order; each nested diff stays an
  # entry of its own. An insertion between two equal runs that repeats the
  # first run moves before it, so the equal runs join.
  defp myers_runs([], acc), do: acc
  defp myers_runs([{:diff, _} = diff | rest], acc), do: myers_runs(rest, [diff | acc])

  defp myers_runs([{kind, elem} | rest], [{kind, run} | acc]),
    do: myers_runs(rest, [{kind, [elem | run]} | acc])

  defp myers_runs(rest, [{:eq, run}, {:ins, run}, {:eq, other} | acc]),
    do: myers_runs(rest, [{:ins, run}, {:eq, run ++ other} | acc])

  defp myers_runs([{kind, elem} | rest], acc), do: myers_runs(rest, [{kind, [elem]} | acc])

  # Tuples of corresponding elements of a list of lists, as long as the
  # shortest.
  def zip([]), do: []
  def zip(list_of_lists) when is_list(list_of_lists), do: Enum.zip(list_of_lists)

  # Whether the list is improper (ends in something other than []).
  def improper?(list) when is_list(list), do: improper_list(list)

  defp improper_list([_ | tail]), do: improper_list(tail)
  defp improper_list([]), do: false
  defp improper_list(_), do: true

  # Whether the list is a charlist of ASCII printable characters.
  def ascii_printable?(list, limit \\ :infinity)
      when is_list(list) and (limit == :infinity or (is_integer(limit) and limit >= 0)),
      do: ascii_printable_guarded?(list, limit)

  defp ascii_printable_guarded?(_, 0), do: true

  defp ascii_printable_guarded?([char | rest], counter)
       when is_integer(char) and
              ((char >= 7 and char <= 13) or char == 27 or (char >= 32 and char <= 126)),
       do: ascii_printable_guarded?(rest, decrement(counter))

  defp ascii_printable_guarded?([], _counter), do: true
  defp ascii_printable_guarded?(_, _counter), do: false

  defp decrement(:infinity), do: :infinity
  defp decrement(counter), do: counter - 1

  # The string of a charlist (codepoints, strings and nested lists).
  def to_string(list) when is_list(list), do: Kernel.to_string(list)

  # The charlist of a list of codepoints, strings and nested lists.
  def to_charlist(list) when is_list(list), do: String.to_charlist(Kernel.to_string(list))

  # The atom of a charlist.
  def to_atom(charlist), do: :erlang.list_to_atom(charlist)

  # The atom of a charlist if it exists (ArgumentError otherwise).
  def to_existing_atom(charlist), do: :erlang.list_to_existing_atom(charlist)

  # The integer a charlist spells.
  def to_integer(charlist), do: String.to_integer(Kernel.to_string(charlist))

  # The integer a charlist spells in base.
  def to_integer(charlist, base), do: String.to_integer(Kernel.to_string(charlist), base)

  # The float a charlist spells.
  def to_float(charlist), do: String.to_float(Kernel.to_string(charlist))
end
