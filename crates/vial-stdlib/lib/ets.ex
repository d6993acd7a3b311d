# The :ets functions that take a function: foldl/3 and foldr/3, on top of
# the tab2list/1 BIF (OTP's ets.erl walks the table with first/next or
# last/prev and folds each key's objects with :lists.foldl or
# :lists.foldr). The rest of :ets is BIFs.
#
# Listing order (tab2list/1) is the reverse of traversal order for set and
# bag tables, and key order for an ordered_set, so foldr visits the
# objects in the reverse of listing order for every type, and foldl in
# listing order for an ordered_set, in the reverse of it, key by key with
# each key's objects in insertion order, for the others. The fold works on
# the objects the table held when it started.

defmodule :ets do
  def foldl(fun, acc, table) do
    objects = :ets.tab2list(table)

    case :ets.info(table, :type) do
      :ordered_set -> :lists.foldl(fun, acc, objects)
      :set -> :lists.foldl(fun, acc, :lists.reverse(objects))
      _bag -> :lists.foldl(fun, acc, keys_reversed(objects, :ets.info(table, :keypos)))
    end
  end

  def foldr(fun, acc, table) do
    :lists.foldl(fun, acc, :lists.reverse(:ets.tab2list(table)))
  end

  # The objects with the runs of one key in reverse order, each run kept
  # as it is.
  defp keys_reversed(objects, keypos), do: keys_reversed(objects, keypos, [], [])

  defp keys_reversed([object | rest], keypos, [last | _] = run, runs) do
    if :erlang.element(keypos, object) === :erlang.element(keypos, last) do
      keys_reversed(rest, keypos, [object | run], runs)
    else
      keys_reversed(rest, keypos, [object], [:lists.reverse(run) | runs])
    end
  end

  defp keys_reversed([object | rest], keypos, [], runs), do: keys_reversed(rest, keypos, [object], runs)
  defp keys_reversed([], _keypos, [], runs), do: :lists.append(runs)
  defp keys_reversed([], _keypos, run, runs), do: :lists.append([:lists.reverse(run) | runs])
end
