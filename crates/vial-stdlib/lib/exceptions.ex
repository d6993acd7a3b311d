# The built-in exceptions, with Elixir 1.14's fields and default messages.
# Messages computed from fields (MatchError, KeyError, ...) come from the
# VM's built-in message function (see Exception.message/1).
defmodule RuntimeError do
  defexception message: "runtime error"
end

defmodule ArgumentError do
  defexception message: "argument error"
end

defmodule ArithmeticError do
  defexception message: "bad argument in arithmetic expression"
end

defmodule SystemLimitError do
  defexception message: "a system limit has been reached"
end

defmodule KeyError do
  defexception [:key, :term, :message]
end

defmodule MatchError do
  defexception [:term]
end

defmodule CaseClauseError do
  defexception [:term]
end

defmodule WithClauseError do
  defexception [:term]
end

defmodule TryClauseError do
  defexception [:term]
end

defmodule CondClauseError do
  defexception []
end

defmodule BadMapError do
  defexception [:term]
end

defmodule BadStructError do
  defexception [:struct, :term]
end

defmodule BadBooleanError do
  defexception [:term, :operator]
end

defmodule BadFunctionError do
  defexception [:term]
end

defmodule BadArityError do
  defexception [:function, :args]
end

defmodule FunctionClauseError do
  defexception [:module, :function, :arity, :kind, :args, :clauses]
end

defmodule UndefinedFunctionError do
  defexception [:module, :function, :arity, :reason, :message]
end

defmodule Protocol.UndefinedError do
  defexception [:protocol, :value, :description]
end

defmodule ErlangError do
  defexception [:original, :reason]
end
