# Exception: messages of exception structs, and the runtime side of
# `raise/1,2` (the compiler turns `raise x` into
# `:erlang.error(Exception.__raise__(x))`).
defmodule Exception do
  # The message of an exception: its module's message/1 when it defines one,
  # else the built-in message (the `message` field, or the text Elixir
  # computes for MatchError, KeyError, ...).
  def message(%{__struct__: module, __exception__: true} = exception) do
    if function_exported?(module, :message, 1) do
      module.message(exception)
    else
      :vial_runtime.exception_message(exception)
    end
  end

  # Whether the term is an exception struct.
  def exception?(%{__exception__: true}), do: true
  def exception?(_), do: false

  # The exception `raise value` raises.
  def __raise__(message) when is_binary(message), do: RuntimeError.exception(message)
  def __raise__(%{__exception__: true} = exception), do: exception
  def __raise__(module) when is_atom(module), do: module.exception([])

  def __raise__(other) do
    ArgumentError.exception(
      "raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " <>
        inspect(other)
    )
  end

  # The exception `raise module, args` raises.
  def __raise__(module, args) when is_atom(module), do: module.exception(args)
end
