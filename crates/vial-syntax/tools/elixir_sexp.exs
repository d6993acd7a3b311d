# Prints Elixir's own AST of each given file in the s-expression format of
# `vial_syntax::sexp`, one line per file, to cross-check the Vial parser
# against Elixir 1.14:
#
#   elixir crates/vial-syntax/tools/elixir_sexp.exs prog.exs > want.txt
#   cargo run -q -p vial-syntax --example sexp -- prog.exs > got.txt
#   diff want.txt got.txt
#
# Known, harmless differences: floats print in each language's own format,
# charlists print as integer lists, `not a in b` prints as `not_in`, `(a -> b)`
# as a `->` call, and a lone top-level `(a; b)` is not wrapped twice.
defmodule S do
  @binops [:=, :|>, :+, :-, :*, :/, :**, :<>, :++, :--, :==, :!=, :===, :!==, :<, :>, :<=, :>=, :and, :or, :&&, :||, :in, :.., :when, :<-, :\\, :=~, :"::", :|]
  def esc(s) do
    inner = s |> String.to_charlist() |> Enum.map(fn
      ?\\ -> "\\\\"
      ?" -> "\\\""
      ?\n -> "\\n"
      ?\t -> "\\t"
      ?\r -> "\\r"
      0 -> "\\0"
      c when c < 32 or c == 127 -> "\\u{" <> String.downcase(Integer.to_string(c, 16)) <> "}"
      c -> <<c::utf8>>
    end) |> Enum.join()
    "\"" <> inner <> "\""
  end
  def atom_text(a) do
    s = Atom.to_string(a)
    if Regex.match?(~r/^[A-Za-z_][A-Za-z0-9_?!@]*$/, s), do: s, else: esc(s)
  end
  def item({k, v}) when is_atom(k), do: atom_text(k) <> ": " <> e(v)
  def item(x), do: e(x)
  def block({:__block__, _, exprs}), do: "(block" <> Enum.map_join(exprs, "", &(" " <> e(&1))) <> ")"
  def block(x), do: "(block " <> e(x) <> ")"
  def clause({:->, _, [params, body]}) do
    {params, guard} = case params do
      [{:when, _, args}] -> {Enum.drop(args, -1), List.last(args)}
      p -> {p, nil}
    end
    "(clause (" <> Enum.map_join(params, " ", &e/1) <> ")" <> (if guard, do: " when " <> e(guard), else: "") <> " " <> block(body) <> ")"
  end
  def section([{:->, _, _} | _] = cs), do: "(clauses " <> Enum.map_join(cs, " ", &clause/1) <> ")"
  def section(x), do: block(x)
  def strpart(b) when is_binary(b), do: esc(b)
  def strpart({:"::", _, [{{:., _, [Kernel, :to_string]}, _, [x]}, _]}), do: e(x)
  def call(name, meta, args) do
    {args, doblock} = if Keyword.has_key?(meta, :do) do
      {Enum.drop(args, -1), List.last(args)}
    else
      {args, nil}
    end
    dob = if doblock, do: [" [" <> Enum.map_join(doblock, ", ", fn {k, v} -> atom_text(k) <> ": " <> section(v) end) <> "]"], else: []
    "(call " <> name <> Enum.map_join(args, "", &(" " <> e(&1))) <> Enum.join(dob) <> ")"
  end
  def e(x) when is_integer(x), do: Integer.to_string(x)
  def e(x) when is_float(x), do: Float.to_string(x)
  def e(x) when is_atom(x), do: ":" <> atom_text(x)
  def e(x) when is_binary(x), do: esc(x)
  def e(list) when is_list(list) do
    case List.last(list) do
      {:|, _, [h, t]} -> "[" <> Enum.map_join(Enum.drop(list, -1) ++ [h], ", ", &item/1) <> " | " <> e(t) <> "]"
      _ -> "[" <> Enum.map_join(list, ", ", &item/1) <> "]"
    end
  end
  def e({a, b}), do: "{" <> e(a) <> ", " <> e(b) <> "}"
  def e({:{}, _, items}), do: "{" <> Enum.map_join(items, ", ", &e/1) <> "}"
  def e({:__aliases__, _, parts}), do: Enum.map_join(parts, ".", fn p when is_atom(p) -> Atom.to_string(p); p -> e(p) end)
  def e({:__MODULE__, _, ctx}) when is_atom(ctx), do: "__MODULE__"
  def e({:__block__, _, exprs}), do: "(block" <> Enum.map_join(exprs, "", &(" " <> e(&1))) <> ")"
  def e({:<<>>, _, parts}), do: "(str " <> Enum.map_join(parts, " ", &strpart/1) <> ")"
  def e({:%{}, _, [{:|, _, [base, pairs]}]}), do: "%{" <> e(base) <> " | " <> pairs(pairs) <> "}"
  def e({:%{}, _, pairs}), do: "%{" <> pairs(pairs) <> "}"
  def e({:%, _, [name, {:%{}, _, [{:|, _, [base, ps]}]}]}), do: "%" <> e(name) <> "{" <> e(base) <> " | " <> pairs(ps) <> "}"
  def e({:%, _, [name, {:%{}, _, ps}]}), do: "%" <> e(name) <> "{" <> pairs(ps) <> "}"
  def e({:not, _, [{:in, _, [a, b]}]}), do: "(not_in " <> e(a) <> " " <> e(b) <> ")"
  def e({:..//, _, [a, b, c]}), do: "(// (.. " <> e(a) <> " " <> e(b) <> ") " <> e(c) <> ")"
  def e({:&, _, [n]}) when is_integer(n), do: "&#{n}"
  def e({:&, _, [x]}), do: "(& " <> e(x) <> ")"
  def e({:^, _, [x]}), do: "(^ " <> e(x) <> ")"
  def e({:@, _, [{name, _, nil}]}), do: "(@ #{name})"
  def e({:@, _, [{name, _, ctx}]}) when is_atom(ctx), do: "(@ #{name})"
  def e({:@, _, [{name, _, [v]}]}), do: "(@ #{name} " <> e(v) <> ")"
  def e({:fn, _, clauses}), do: "(fn " <> Enum.map_join(clauses, " ", &clause/1) <> ")"
  def e({op, _, [a, b]}) when op in @binops, do: "(#{op} " <> e(a) <> " " <> e(b) <> ")"
  def e({op, _, [a]}) when op in [:-, :+, :not, :!], do: "(#{op} " <> e(a) <> ")"
  def e({{:., _, [Access, :get]}, _, [x, k]}), do: "(access " <> e(x) <> " " <> e(k) <> ")"
  def e({{:., _, [f]}, _, args}), do: "(apply " <> e(f) <> Enum.map_join(args, "", &(" " <> e(&1))) <> ")"
  def e({{:., _, [mod, name]}, meta, []} = x) do
    if Keyword.get(meta, :no_parens) && not match?({:__aliases__, _, _}, mod) && not is_atom(mod) && not match?({:__MODULE__, _, _}, mod) do
      "(. " <> e(mod) <> " #{name})"
    else
      _ = x
      call(e(mod) <> "." <> Atom.to_string(name), meta, [])
    end
  end
  def e({{:., _, [mod, name]}, meta, args}), do: call(e(mod) <> "." <> Atom.to_string(name), meta, args)
  def e({name, _, ctx}) when is_atom(name) and is_atom(ctx), do: Atom.to_string(name)
  def e({name, meta, args}) when is_atom(name) and is_list(args), do: call(Atom.to_string(name), meta, args)
  def pairs(ps), do: Enum.map_join(ps, ", ", fn {k, v} -> e(k) <> " => " <> e(v) end)
  def top({:__block__, _, exprs}), do: "(block" <> Enum.map_join(exprs, "", &(" " <> e(&1))) <> ")"
  def top(x), do: "(block " <> e(x) <> ")"
end
for path <- System.argv() do
  {:ok, ast} = Code.string_to_quoted(File.read!(path), token_metadata: true)
  IO.puts(S.top(ast))
end
