# The call an undefined-function or function-clause error is about shows
# its arguments in the stack trace, in place of the arity, as on the BEAM.
# Output recorded with the Logger off (--erl "-logger level none").
defmodule M do
  def f(:a), do: :ok
  def g(x, y) when x > y, do: x
end
try do
  M.f(:b)
rescue
  FunctionClauseError -> IO.inspect(hd(__STACKTRACE__))
end
try do
  M.g(1, 2)
catch
  kind, reason -> IO.inspect({kind, reason, hd(__STACKTRACE__)})
end
try do
  apply(M, :g, [1])
rescue
  UndefinedFunctionError -> IO.inspect(hd(__STACKTRACE__))
end
try do
  M.nope(1, "x")
rescue
  e in UndefinedFunctionError -> IO.inspect({e, Enum.take(__STACKTRACE__, 2)})
end
f = &M.zzz/2
try do
  f.(1, 2)
rescue
  UndefinedFunctionError -> IO.inspect(hd(__STACKTRACE__))
end
{_, ref} = spawn_monitor(M, :nope, [1, 2])
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason)
end
{_, ref} = spawn_monitor(fn -> M.f(:c) end)
receive do
  {:DOWN, ^ref, :process, _, {reason, [top | _]}} -> IO.inspect({reason, top})
end
{_, ref} = spawn_monitor(fn -> M.nope() end)
receive do
  {:DOWN, ^ref, :process, _, {reason, [top | _]}} -> IO.inspect({reason, top})
end
try do
  M.f(:b)
catch
  k, r -> IO.puts(Exception.format_banner(k, r, __STACKTRACE__))
end
try do
  M.nope(1)
rescue
  _ -> IO.puts(Exception.format_stacktrace_entry(hd(__STACKTRACE__)))
end
IO.puts(Exception.format_stacktrace_entry({M, :f, 2, [file: 'a.ex', line: 3]}))
