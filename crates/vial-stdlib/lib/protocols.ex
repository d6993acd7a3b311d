# The protocols of Elixir's standard library that programs implement for
# their structs. A built-in type's conversion is a BIF; a struct's goes
# to its implementation module (`String.Chars.Money`), found by
# :vial_protocol.impl/3 as for any protocol (see the compiler's
# protocols.rs).
defmodule String.Chars do
  def to_string(%{__struct__: _} = struct) do
    apply(:vial_protocol.impl(String.Chars, struct, false), :to_string, [struct])
  end

  def to_string(term), do: :vial_io.to_string(term)

  @doc false
  # A struct in string interpolation: its to_string/1, which must give a
  # binary there.
  def __interpolate__(struct) do
    case to_string(struct) do
      binary when is_binary(binary) -> binary
      other -> raise ArgumentError, "expected binary argument in string interpolation, got: #{inspect(other)}"
    end
  end
end

# Inspect: a struct with an implementation prints as its inspect/2 says.
# The printer is Rust, which cannot call Vial code, so before printing,
# __prerender__/2 replaces each such struct in the term by the text its
# implementation returns, tagged {:"$vial_inspected", text}, which the
# printer writes as it is. Documents are strings here (Inspect.Algebra
# below), so an implementation's output does not break across lines.
defmodule Inspect do
  def inspect(term, opts), do: Kernel.inspect(term, Map.to_list(Map.from_struct(opts)))

  @doc false
  # With `structs: false` structs print as the maps they are, whatever
  # their implementation.
  def __prerender__(term, opts) do
    if :vial_protocol.implemented(Inspect) and Keyword.get(opts, :structs, true),
      do: render(term, struct(Inspect.Opts, opts)),
      else: term
  end

  defp render(%{__struct__: module} = struct, opts) when is_atom(module) do
    impl = Module.concat(Inspect, module)

    if function_exported?(impl, :__impl__, 1) do
      {:"$vial_inspected", IO.iodata_to_binary(impl.inspect(struct, opts))}
    else
      struct |> :maps.to_list() |> Map.new(fn {k, v} -> {k, render(v, opts)} end)
    end
  end

  defp render(map, opts) when is_map(map) do
    Map.new(map, fn {k, v} -> {render(k, opts), render(v, opts)} end)
  end

  defp render(list, opts) when is_list(list), do: render_list(list, opts)

  defp render(tuple, opts) when is_tuple(tuple) do
    tuple |> Tuple.to_list() |> Enum.map(&render(&1, opts)) |> List.to_tuple()
  end

  defp render(term, _opts), do: term

  defp render_list([h | t], opts), do: [render(h, opts) | render_list(t, opts)]
  defp render_list([], _opts), do: []
  defp render_list(tail, opts), do: render(tail, opts)
end

defmodule Inspect.Opts do
  defstruct width: 80,
            limit: 50,
            printable_limit: 4096,
            pretty: false,
            base: :decimal,
            structs: true,
            charlists: :infer,
            binaries: :infer,
            safe: true,
            syntax_colors: [],
            custom_options: [],
            inspect_fun: nil
end

# Inspect.Algebra with documents as strings: what implementations of
# Inspect use to build their output.
defmodule Inspect.Algebra do
  def empty, do: ""
  def string(s) when is_binary(s), do: s
  def concat(docs) when is_list(docs), do: IO.iodata_to_binary(docs)
  def concat(a, b), do: IO.iodata_to_binary([a, b])
  def to_doc(term, %Inspect.Opts{} = opts), do: Inspect.inspect(term, opts)
  def to_doc(term, _opts), do: Kernel.inspect(term)
  def group(doc), do: doc
  def group(doc, _mode), do: doc
  def nest(doc, _level), do: doc
  def nest(doc, _level, _mode), do: doc
  def line, do: "\n"
  def line(a, b), do: concat([a, "\n", b])
  def break, do: " "
  def break(s) when is_binary(s), do: s
  def glue(a, b), do: concat([a, " ", b])
  def glue(a, s, b), do: concat([a, s, b])
  def space(a, b), do: concat([a, " ", b])
  def color(doc, _key, _opts), do: doc
  def format(doc, _width), do: doc

  def container_doc(left, collection, right, opts, fun, options \\ []) do
    separator = Keyword.get(options, :separator, ",")
    items = Enum.map(collection, &fun.(&1, opts))
    concat([left, Enum.join(items, separator <> " "), right])
  end
end

# Enumerable called directly, as implementations for structs do to walk
# the lists inside them: the reducer protocol ({:cont, acc}, {:halt, acc},
# {:suspend, acc}) over any enumerable, a struct's own implementation
# first.
defmodule Enumerable do
  def reduce(enumerable, acc, fun) do
    case implementation(enumerable) do
      nil -> reduce_list(Enum.to_list(enumerable), acc, fun)
      impl -> impl.reduce(enumerable, acc, fun)
    end
  end

  def count(enumerable) do
    case implementation(enumerable) do
      nil -> {:ok, Enum.count(enumerable)}
      impl -> impl.count(enumerable)
    end
  end

  def member?(enumerable, element) do
    case implementation(enumerable) do
      nil -> {:ok, Enum.member?(enumerable, element)}
      impl -> impl.member?(enumerable, element)
    end
  end

  def slice(enumerable) do
    case implementation(enumerable) do
      nil -> {:error, __MODULE__}
      impl -> impl.slice(enumerable)
    end
  end

  defp implementation(%{__struct__: _} = struct), do: :vial_protocol.impl_for(Enumerable, struct, false)
  defp implementation(_), do: nil

  defp reduce_list(_list, {:halt, acc}, _fun), do: {:halted, acc}
  defp reduce_list(list, {:suspend, acc}, fun), do: {:suspended, acc, &reduce_list(list, &1, fun)}
  defp reduce_list([], {:cont, acc}, _fun), do: {:done, acc}
  defp reduce_list([h | t], {:cont, acc}, fun), do: reduce_list(t, fun.(h, acc), fun)
end

# Elixir's list implementation of Enumerable, which struct implementations
# call to walk their lists (`Enumerable.List.reduce(items, acc, fun)`).
defmodule Enumerable.List do
  def reduce(list, acc, fun) when is_list(list), do: Enumerable.reduce(list, acc, fun)
  def count(list) when is_list(list), do: {:ok, length(list)}
  def member?(list, element) when is_list(list), do: {:ok, :lists.member(element, list)}
  def slice(list) when is_list(list), do: {:error, __MODULE__}
end
