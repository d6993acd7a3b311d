# Kernel: functions callable without a module that are written in Vial
# (Elixir 1.14 `lib/elixir/lib/kernel.ex`; then/2, tap/2 and to_charlist/1
# are macros there, functions here). The arithmetic, comparisons, type
# tests, hd/tl/elem/... are BIFs. Loaded first: the compiler resolves calls
# without a module against it when compiling the files after it.
defmodule Kernel do
  # fun applied to args, and module.function applied to args (the compiler
  # makes an unqualified apply an instruction; these serve Kernel.apply,
  # &Kernel.apply/3 and apply(Kernel, :apply, ...)).
  def apply(fun, args), do: apply(fun, args)
  def apply(module, function, args), do: apply(module, function, args)

  # fun(value): pipes value into a function.
  def then(value, fun), do: fun.(value)

  # The base of `%Module{base | ...}`: a struct of that module.
  def __update_struct__(%{__struct__: module} = struct, module), do: struct

  def __update_struct__(term, module),
    do: raise(BadStructError, struct: module, term: term)

  # `destructure/2`'s value: the list cut or padded with nil to `n`.
  def __destructure__(nil, n), do: List.duplicate(nil, n)
  def __destructure__(list, n) when is_list(list), do: destructure_take(list, n)

  defp destructure_take(_, 0), do: []
  defp destructure_take([h | t], n), do: [h | destructure_take(t, n - 1)]
  defp destructure_take([], n), do: List.duplicate(nil, n)

  # Calls fun(value) for its side effects and returns value.
  def tap(value, fun) do
    fun.(value)
    value
  end

  # The charlist of a string, integer, atom, float or charlist.
  def to_charlist(term) when is_list(term), do: term
  def to_charlist(term), do: String.to_charlist(to_string(term))

  # The Rust printer, after the structs that implement Inspect are
  # rendered by their implementations (see Inspect.__prerender__/2).
  def inspect(term, opts \\ []), do: :vial_io.inspect(Inspect.__prerender__(term, opts), opts)

  # String.Chars.to_string/1, with a binary returned as it is.
  def to_string(term) when is_binary(term), do: term
  def to_string(term), do: String.Chars.to_string(term)

  # The size of a bitstring in bits (Vial's bitstrings are binaries).
  def bit_size(bitstring) when is_binary(bitstring), do: byte_size(bitstring) * 8

  def bit_size(_term) do
    raise ArgumentError,
          "errors were found at the given arguments:\n\n  * 1st argument: not a bitstring\n"
  end

  # Kernel's macros in Elixir 1.14 (Vial has no macros: these are the
  # names macro_exported?/3 answers true for).
  @kernel_macros [
    {:"!", 1}, {:"&&", 2}, {:"..", 0}, {:"..", 2}, {:"..//", 3}, {:"<>", 2}, {:"@", 1},
    {:alias!, 1}, {:and, 2}, {:binding, 0}, {:binding, 1}, {:dbg, 0}, {:dbg, 1}, {:dbg, 2},
    {:def, 1}, {:def, 2}, {:defdelegate, 2}, {:defexception, 1}, {:defguard, 1},
    {:defguardp, 1}, {:defimpl, 2}, {:defimpl, 3}, {:defmacro, 1}, {:defmacro, 2},
    {:defmacrop, 1}, {:defmacrop, 2}, {:defmodule, 2}, {:defoverridable, 1}, {:defp, 1},
    {:defp, 2}, {:defprotocol, 2}, {:defstruct, 1}, {:destructure, 2},
    {:get_and_update_in, 2}, {:if, 2}, {:in, 2}, {:is_exception, 1}, {:is_exception, 2},
    {:is_nil, 1}, {:is_struct, 1}, {:is_struct, 2}, {:match?, 2}, {:or, 2}, {:pop_in, 1},
    {:put_in, 2}, {:raise, 1}, {:raise, 2}, {:reraise, 2}, {:reraise, 3}, {:sigil_C, 2},
    {:sigil_D, 2}, {:sigil_N, 2}, {:sigil_R, 2}, {:sigil_S, 2}, {:sigil_T, 2},
    {:sigil_U, 2}, {:sigil_W, 2}, {:sigil_c, 2}, {:sigil_r, 2}, {:sigil_s, 2},
    {:sigil_w, 2}, {:tap, 2}, {:then, 2}, {:to_char_list, 1}, {:to_charlist, 1},
    {:to_string, 1}, {:unless, 2}, {:update_in, 2}, {:use, 1}, {:use, 2}, {:var!, 1},
    {:var!, 2}, {:"|>", 2}, {:"||", 2}
  ]

  # Whether module exports the macro name/arity: Kernel's macros as Elixir
  # has them; no other module of Vial has macros.
  def macro_exported?(module, macro, arity)
      when is_atom(module) and is_atom(macro) and is_integer(arity) and arity >= 0 and
             arity <= 255,
      do: module == Kernel and {macro, arity} in @kernel_macros

  # The part of a binary from start, length bytes long.
  def binary_part(binary, start, length), do: :binary.part(binary, start, length)

  # The struct of module with the given fields set (unknown keys ignored),
  # or struct with the given fields set.
  def struct(struct), do: struct(struct, [])

  def struct(struct, fields) do
    struct(struct, fields, fn
      {:__struct__, _val}, acc ->
        acc

      {key, val}, acc ->
        case acc do
          %{^key => _} -> %{acc | key => val}
          _ -> acc
        end
    end)
  end

  defp struct(struct, [], _fun) when is_atom(struct), do: struct.__struct__()

  defp struct(struct, fields, fun) when is_atom(struct),
    do: struct(struct.__struct__(), fields, fun)

  defp struct(%{__struct__: _} = struct, [], _fun), do: struct

  defp struct(%{__struct__: _} = struct, fields, fun), do: Enum.reduce(fields, struct, fun)

  # As struct/2, raising KeyError for keys the struct does not have.
  # Bytes of a binary from `start` (from the end when negative), at most
  # `size` of them; or those a range selects.
  def binary_slice(binary, start, size)
      when is_binary(binary) and is_integer(start) and is_integer(size) and size >= 0 do
    total = byte_size(binary)
    start = if start < 0, do: max(total + start, 0), else: start
    if start >= total, do: "", else: binary_part(binary, start, min(size, total - start))
  end

  def binary_slice(binary, %{__struct__: Range} = range) when is_binary(binary),
    do: binary |> :erlang.binary_to_list() |> Enum.slice(range) |> :erlang.list_to_binary()

  def struct!(struct), do: struct!(struct, [])

  def struct!(struct, fields) when is_atom(struct) do
    built =
      Enum.reduce(fields, struct.__struct__(), fn
        {:__struct__, _}, acc ->
          acc

        {key, val}, acc ->
          case acc do
            %{^key => _} -> %{acc | key => val}
            _ -> raise KeyError, key: key, term: nil
          end
      end)

    enforced =
      if function_exported?(struct, :__enforce_keys__, 0), do: struct.__enforce_keys__(), else: []

    given = Enum.map(fields, fn {key, _} -> key end)

    case Enum.reject(enforced, &(&1 in given)) do
      [] ->
        built

      missing ->
        raise ArgumentError,
              "the following keys must also be given when building struct " <>
                "#{inspect(struct)}: #{inspect(missing)}"
    end
  end

  def struct!(struct, fields) when is_map(struct) do
    Enum.reduce(fields, struct, fn
      {:__struct__, _}, acc -> acc
      {key, val}, acc -> Map.replace!(acc, key, val)
    end)
  end

  # The value at a path of keys (or Access functions) in nested maps and
  # keyword lists; nil when a level is missing.
  def get_in(nil, [_ | _]), do: nil
  def get_in(data, [h]) when is_function(h), do: h.(:get, data, fn x -> x end)
  def get_in(data, [h | t]) when is_function(h), do: h.(:get, data, fn x -> get_in(x, t) end)
  def get_in(data, [h]), do: Access.get(data, h)
  def get_in(data, [h | t]), do: get_in(Access.get(data, h), t)

  # data with the value at a path of keys replaced by value.
  def put_in(data, [_ | _] = keys, value),
    do: elem(get_and_update_in(data, keys, fn _ -> {nil, value} end), 1)

  # data with the value at a path of keys replaced by fun(value).
  def update_in(data, [_ | _] = keys, fun) when is_function(fun),
    do: elem(get_and_update_in(data, keys, fn x -> {nil, fun.(x)} end), 1)

  # {get, new data}: fun(value at path) returns {get, new value} or :pop.
  def get_and_update_in(data, [head], fun) when is_function(head, 3),
    do: head.(:get_and_update, data, fun)

  def get_and_update_in(data, [head | tail], fun) when is_function(head, 3),
    do: head.(:get_and_update, data, fn x -> get_and_update_in(x, tail, fun) end)

  def get_and_update_in(data, [head], fun) when is_function(fun, 1),
    do: Access.get_and_update(data, head, fun)

  def get_and_update_in(data, [head | tail], fun) when is_function(fun, 1),
    do: Access.get_and_update(data, head, fn x -> get_and_update_in(x, tail, fun) end)

  # {value at path, data without it}.
  def pop_in(nil, [key | _]),
    do: raise(ArgumentError, "could not pop key #{inspect(key)} on a nil value")

  def pop_in(data, [_ | _] = keys), do: pop_in_data(data, keys)

  defp pop_in_data(nil, [_ | _]), do: :pop

  defp pop_in_data(data, [fun]) when is_function(fun),
    do: fun.(:get_and_update, data, fn _ -> :pop end)

  defp pop_in_data(data, [fun | tail]) when is_function(fun),
    do: fun.(:get_and_update, data, fn x -> pop_in_data(x, tail) end)

  defp pop_in_data(data, [key]), do: Access.pop(data, key)

  defp pop_in_data(data, [key | tail]),
    do: Access.get_and_update(data, key, fn x -> pop_in_data(x, tail) end)
end
