# The functions added by the sweep of List, Map, Keyword, Tuple, Integer,
# Float, Range, Atom, Function, System and Kernel (Path has test_path.exs).
defmodule T do
  def run(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts("#{label}: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}")
    end
  end
end

# Integer / Atom / Float deprecated charlist functions
T.run("int tcl", fn -> Integer.to_char_list(255) end)
T.run("int tcl neg", fn -> Integer.to_char_list(-42) end)
T.run("int tcl 16", fn -> Integer.to_char_list(255, 16) end)
T.run("int tcl 2", fn -> Integer.to_char_list(-5, 2) end)
T.run("int tcl 36", fn -> Integer.to_char_list(123456789, 36) end)
T.run("int tcl bad", fn -> Integer.to_char_list(1.0) end)
T.run("atom tcl", fn -> Atom.to_char_list(:héllo) end)
T.run("atom tcl 2", fn -> Atom.to_char_list(Foo.Bar) end)
T.run("atom tcl bad", fn -> Atom.to_char_list("x") end)
T.run("float tcl", fn -> Float.to_char_list(1.5) end)
T.run("float tcl big", fn -> Float.to_char_list(1.0e20) end)
T.run("float tcl small", fn -> Float.to_char_list(-1.0e-7) end)
T.run("float tcl/2", fn -> Float.to_char_list(1.5, decimals: 2) end)
T.run("float tcl/2 compact", fn -> Float.to_char_list(1.5, decimals: 4, compact: true) end)
T.run("float ts/2 dec", fn -> Float.to_string(1.5, decimals: 3) end)
T.run("float ts/2 compact", fn -> Float.to_string(1.5, decimals: 3, compact: true) end)
T.run("float ts/2 compact false", fn -> Float.to_string(1.5, compact: false, decimals: 2) end)
T.run("float ts/2 sci", fn -> Float.to_string(1.5, scientific: 2) end)
T.run("float ts/2 empty", fn -> Float.to_string(1.5, []) end)
T.run("float ts/2 sci 20", fn -> Float.to_string(1.0e10, scientific: 20) end)
T.run("float ts/2 dec 0", fn -> Float.to_string(123.456, decimals: 0) end)
T.run("float ts/2 neg zero", fn -> Float.to_string(-0.0, decimals: 1) end)
T.run("float ts/2 round", fn -> Float.to_string(0.125, decimals: 2) end)
T.run("float ts/2 order", fn -> Float.to_string(0.1, decimals: 3, scientific: 2) end)
T.run("float ts/2 order 2", fn -> Float.to_string(0.1, scientific: 2, decimals: 3) end)
T.run("float ts/2 raw compact", fn -> Float.to_string(1.5, [:compact, decimals: 2]) end)
T.run("float ts/2 int", fn -> Float.to_string(1, []) end)
T.run("float ts/2 bad opt", fn -> Float.to_string(1.0, foo: 1) end)

# Range
T.run("range? range", fn -> Range.range?(1..2) end)
T.run("range? step", fn -> Range.range?(1..10//3) end)
T.run("range? map", fn -> Range.range?(%{}) end)
T.run("range? int", fn -> Range.range?(1) end)
T.run("range? no step", fn -> Range.range?(%{__struct__: Range, first: 1, last: 2}) end)
T.run("range? atom first", fn -> Range.range?(%{__struct__: Range, first: :a, last: 2, step: 1}) end)
T.run("__struct__/0", fn -> Range.__struct__() end)
T.run("struct literal", fn -> %Range{first: 1, last: 3, step: 1} end)
T.run("struct literal list", fn -> Enum.to_list(%Range{first: 1, last: 5, step: 2}) end)
T.run("struct update", fn -> %{1..3 | last: 10} end)
T.run("struct match", fn -> match?(%Range{}, 1..2) end)
T.run("struct pattern", fn -> %Range{first: f, step: s} = 5..9//2; {f, s} end)
T.run("struct/2", fn -> struct(Range, first: 0, last: 2, step: 1) end)
T.run("keys", fn -> Map.keys(1..2) end)

# System
T.run("endianness", fn -> System.endianness() end)
T.run("compiled_endianness", fn -> System.compiled_endianness() end)
T.run("build_info version", fn -> Map.take(System.build_info(), [:build, :otp_release, :version, :revision]) end)
T.run("build_info keys", fn -> Map.keys(System.build_info()) end)
T.run("stacktrace", fn -> System.stacktrace() end)
T.run("stacktrace in rescue", fn -> try do raise "x" rescue _ -> System.stacktrace() end end)
T.run("fetch_env missing", fn -> System.fetch_env("VIAL_SURELY_UNSET_VAR") end)
T.run("fetch_env bad", fn -> System.fetch_env(:home) end)
T.run("fetch_env! missing", fn -> System.fetch_env!("VIAL_SURELY_UNSET_VAR") end)
T.run("fetch_env! struct", fn -> try do System.fetch_env!("VIAL_SURELY_UNSET_VAR") rescue e -> e end end)
T.run("fetch_env! bad", fn -> System.fetch_env!(:home) end)

# Kernel
T.run("bit_size", fn -> Kernel.bit_size("abc") end)
T.run("bit_size empty", fn -> bit_size("") end)
T.run("bit_size utf8", fn -> bit_size("é") end)
T.run("bit_size bad", fn -> Kernel.bit_size(String.to_atom("x")) end)
T.run("macro_exported? if", fn -> macro_exported?(Kernel, :if, 2) end)
T.run("macro_exported? pipe", fn -> macro_exported?(Kernel, :|>, 2) end)
T.run("macro_exported? def/1", fn -> macro_exported?(Kernel, :def, 1) end)
T.run("macro_exported? sigil_r", fn -> macro_exported?(Kernel, :sigil_r, 2) end)
T.run("macro_exported? if/3", fn -> macro_exported?(Kernel, :if, 3) end)
T.run("macro_exported? +", fn -> macro_exported?(Kernel, :+, 2) end)
T.run("macro_exported? special form", fn -> macro_exported?(Kernel.SpecialForms, :case, 2) end)
T.run("macro_exported? unknown", fn -> macro_exported?(Nope, :x, 1) end)
T.run("macro_exported? string", fn -> macro_exported?("a", :x, 1) end)
T.run("macro_exported? neg", fn -> macro_exported?(Kernel, :if, -1) end)
T.run("function_exported? then", fn -> function_exported?(Kernel, :bit_size, 1) end)
