# System: the functions written in Vial (argv, time and the environment
# are BIFs).
defmodule System do
  def unique_integer(modifiers \\ []) when is_list(modifiers),
    do: :erlang.unique_integer(modifiers)

  # :little, the byte order of the machine and of the build.
  def endianness, do: :little
  def compiled_endianness, do: :little

  # The build information of the Elixir release Vial follows (the
  # reference build, compiled with OTP 24 and run on OTP 25).
  def build_info do
    %{
      build: "#{System.version()} (compiled with Erlang/OTP 24)",
      date: "2022-10-08T16:54:46Z",
      otp_release: "24",
      revision: "",
      version: System.version()
    }
  end

  # {:ok, value} of an environment variable, or :error when it is not set.
  def fetch_env(varname) when is_binary(varname) do
    case System.get_env(varname) do
      nil -> :error
      value -> {:ok, value}
    end
  end

  # The value of an environment variable; System.EnvError when not set.
  def fetch_env!(varname) when is_binary(varname) do
    case System.get_env(varname) do
      nil -> raise System.EnvError, env: varname
      value -> value
    end
  end

  # The user's home directory (from HOME), or nil.
  def user_home, do: System.get_env("HOME")

  # As user_home/0, raising RuntimeError when there is none.
  def user_home! do
    user_home() ||
      raise RuntimeError, "could not find the user home, please set the HOME environment variable"
  end

  # Deprecated: always [] (use __STACKTRACE__).
  def stacktrace, do: []

  @doc false
  # The handlers of at_exit/1 at the script's end, each on its own (one
  # that raises does not stop the others).
  def __at_exit__(handlers, status) do
    Enum.each(handlers, fn fun ->
      try do
        fun.(status)
      catch
        _, _ -> :ok
      end
    end)
  end
end

# The error of System.fetch_env!/1 for a variable that is not set.
defmodule System.EnvError do
  defexception [:env]

  def message(%{env: env}),
    do: "could not fetch environment variable #{inspect(env)} because it is not set"
end
