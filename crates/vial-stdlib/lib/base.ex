# Base: hexadecimal and base 64 (Elixir 1.14 `lib/elixir/lib/base.ex`);
# the encoding and decoding are BIFs (:vial_base).
defmodule Base do
  def encode16(data, opts \\ []) when is_binary(data),
    do: :vial_base.encode16(data, Keyword.get(opts, :case, :upper))

  def decode16(string, opts \\ []), do: plain(decode16_result(string, opts))
  def decode16!(string, opts \\ []), do: bang(decode16_result(string, opts))

  def encode64(data, opts \\ []) when is_binary(data),
    do: :vial_base.encode64(data, false, Keyword.get(opts, :padding, true))

  def decode64(string, opts \\ []), do: plain(decode64_result(string, false, opts))
  def decode64!(string, opts \\ []), do: bang(decode64_result(string, false, opts))

  def url_encode64(data, opts \\ []) when is_binary(data),
    do: :vial_base.encode64(data, true, Keyword.get(opts, :padding, true))

  def url_decode64(string, opts \\ []), do: plain(decode64_result(string, true, opts))
  def url_decode64!(string, opts \\ []), do: bang(decode64_result(string, true, opts))

  defp decode16_result(string, opts) when is_binary(string),
    do: :vial_base.decode16(string, Keyword.get(opts, :case, :upper))

  defp decode64_result(string, url, opts) when is_binary(string),
    do: :vial_base.decode64(string, url, Keyword.get(opts, :padding, true))

  defp plain({:ok, data}), do: {:ok, data}
  defp plain({:error, _message}), do: :error

  defp bang({:ok, data}), do: data
  defp bang({:error, message}), do: raise(ArgumentError, message)
end
