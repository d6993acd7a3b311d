# Path: every function but wildcard/1,2 (expand/absname/relative_to_cwd only where no current directory is needed)
defmodule T do
  def run(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts("#{label}: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}")
    end
  end
end
paths = ["", ".", "..", "/", "//", "///a", "foo", "foo/", "foo//bar", "/usr/local/bin", "usr/local/bin", "../usr/local/bin", "./foo", "foo/./bar", "foo/../bar", "foo/../..", "/foo/../..", "/..", "a/b/c/../../d", "/a/./b/", "a/..", "a/b/..", "./", "../", "a/../../b", '/char/list', ['mi', "xed", ?/, "x"]]
for p <- paths do
  T.run("relative #{inspect p}", fn -> Path.relative(p) end)
  T.run("safe_relative #{inspect p}", fn -> Path.safe_relative(p) end)
  for base <- ["/usr/local", "deps", ".", "/", "", "/a/b/", "a", "/tmp/../x"] do
    T.run("relative_to #{inspect p} #{inspect base}", fn -> Path.relative_to(p, base) end)
    T.run("safe_relative_to #{inspect p} #{inspect base}", fn -> Path.safe_relative_to(p, base) end)
    T.run("absname #{inspect p} #{inspect base}", fn -> Path.absname(p, base) end)
    if String.starts_with?(base, "/") do
      T.run("expand #{inspect p} #{inspect base}", fn -> Path.expand(p, base) end)
    end
  end
end
T.run("rt 1", fn -> Path.relative_to("/usr/local/foo", "/usr/local") end)
T.run("rt 2", fn -> Path.relative_to("/usr/local/foo", "/") end)
T.run("rt 3", fn -> Path.relative_to("/usr/local/foo", "/etc") end)
T.run("rt 4", fn -> Path.relative_to("/usr/local/foo", "/usr/local/foo") end)
T.run("rt 5", fn -> Path.relative_to("usr/local/foo", "usr/local") end)
T.run("rt 6", fn -> Path.relative_to("/usr/local/foo", "usr/local") end)
T.run("rt 7", fn -> Path.relative_to("usr/local/foo", "/usr/local") end)
T.run("rt 8", fn -> Path.relative_to("/usr/local/foo/", "/usr/local/") end)
T.run("rt 9", fn -> Path.relative_to("/usr/localfoo", "/usr/local") end)
T.run("rt 10", fn -> Path.relative_to("/usr//local/foo", "/usr/local") end)
T.run("rt 11", fn -> Path.relative_to("/usr/./local/foo", "/usr/local") end)
T.run("rt 12", fn -> Path.relative_to("/usr/local/../foo", "/usr") end)
T.run("rt 13", fn -> Path.relative_to(:atom, "/usr") end)
T.run("rt 14", fn -> Path.relative(:atom) end)
T.run("rt 15", fn -> Path.relative(nil) end)
T.run("rt 16", fn -> Path.relative(1) end)
T.run("sr 1", fn -> Path.safe_relative_to("deps/my_dep/app.beam", "deps") end)
T.run("sr 2", fn -> Path.safe_relative_to("deps/my_dep/./build/../app.beam", "deps") end)
T.run("sr 3", fn -> Path.safe_relative_to("my_dep/../..", "deps") end)
T.run("sr 4", fn -> Path.safe_relative_to("/usr/local", ".") end)
T.run("sr 5", fn -> Path.safe_relative_to('a/b', '.') end)
T.run("sr 6", fn -> Path.safe_relative_to("a/b", :x) end)
T.run("ab 1", fn -> Path.absname("foo", "bar") end)
T.run("ab 2", fn -> Path.absname("../x", "bar") end)
T.run("ab 3", fn -> Path.absname('../x', 'bar') end)
T.run("ex 1", fn -> Path.expand("foo/bar/../bar", "/baz") end)
T.run("ex 2", fn -> Path.expand("/foo/bar/../bar", "/baz") end)
T.run("ex 4", fn -> Path.expand("..", "/") end)
T.run("ex 5", fn -> Path.expand("../../..", "/a/b") end)
T.run("ex 6", fn -> Path.expand('a', '/b') end)
T.run("ex 10", fn -> Path.expand("/a/./b") end)
paths = ["", ".", "..", "/", "//", "///a", "a//", "foo", "foo/", "foo//bar", "/usr/local/bin", "usr/local/bin/", "../usr", "./foo", "foo/./bar", "foo/../bar", "/a/b.c/d", "a.b", ".bashrc", "a/.bashrc", "a.b.c", "a.", "a/b.", "/a/b/", "a//b//", "~/x.tar.gz", 'char/list.ex', ['mi', "xed", ?/, "x.y"], "é/ü.ñ", "/.", "a/.", "..a", "a..b", "foo.ex/"]
for p <- paths do
  IO.inspect {p, Path.split(p), Path.basename(p), Path.dirname(p), Path.extname(p), Path.rootname(p), Path.type(p)}
  IO.inspect {p, Path.basename(p, ".ex"), Path.basename(p, "b"), Path.rootname(p, ".c"), Path.rootname(p, ".ex"), Path.basename(p, "")}
  for q <- ["", "/", "b", "/b", "b/", "//b//", "./b", "..", 'c'] do
    IO.inspect {p, q, Path.join(p, q)}
  end
end
IO.inspect Path.join(["a", "b", "c"])
IO.inspect Path.join(["/", "a"])
IO.inspect Path.join(["a//", "/b/", "c/"])
IO.inspect Path.join([""])
IO.inspect Path.join(["", ""])
IO.inspect Path.join(["a", "", "b"])
IO.inspect Path.join(['a', 'b'])
try do Path.join([]) rescue e -> IO.inspect e end
T.run("rtc 1", fn -> Path.relative_to_cwd("a/b") end)
T.run("rtc 2", fn -> Path.relative_to_cwd('a/../b') end)
T.run("rtc 3", fn -> Path.relative_to_cwd("") end)
T.run("absname/1 abs", fn -> Path.absname("/a//b/./c/") end)
T.run("absname/1 abs 2", fn -> Path.absname("//") end)
T.run("expand/1 abs", fn -> Path.expand("/a/../../b/./c//") end)
T.run("expand/1 tilde name", fn -> Path.expand("/~x/y") end)
T.run("split bad", fn -> Path.split(:a) end)
T.run("join bad", fn -> Path.join("a", nil) end)
