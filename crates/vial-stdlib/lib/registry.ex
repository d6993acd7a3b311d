# Registry: a local key-value process registry, after Elixir 1.14's
# registry.ex with one partition.
#
# The registry process (Registry.Server, registered under the registry's
# name) owns two public ETS tables, as Elixir's partition does:
#
#   * the info table, a :set named like the registry: {-1, {kind, 1,
#     key_ets, {server, nil}, listeners}}, {-2, {kind, 1, key_ets}} and
#     the meta entries {key, value};
#   * the key table key_ets, unnamed: {key, {pid, value}} entries, a :set
#     for unique keys and a :duplicate_bag for duplicate ones.
#
# Reads (lookup, match, select, count, meta, ...) go to the tables
# directly, as do unregister_match/4 and update_value/3; registering and
# unregistering go through the server, which links to each registering
# process, remembers its keys (most recent first) and removes its entries
# when it exits. Listeners are told by the registering process.
defmodule Registry do
  @keys [:unique, :duplicate]
  @all_info -1
  @key_info -2

  @doc "The child spec of {Registry, opts}: id the :name, type :supervisor."
  def child_spec(options) do
    %{id: Keyword.get(options, :name, Registry), start: {Registry, :start_link, [options]}, type: :supervisor}
  end

  @doc """
  Starts a registry. Options: :keys (:unique or :duplicate) and :name (an
  atom) are required; :meta (a keyword list of meta entries), :listeners
  (named processes told of registrations), :partitions (a positive integer,
  accepted and treated as 1) and :compressed (a boolean, no effect) are
  checked as Elixir checks them.
  """
  def start_link(options) do
    keys = Keyword.get(options, :keys)

    unless keys in @keys do
      raise ArgumentError, "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(keys)}"
    end

    name =
      case Keyword.fetch(options, :name) do
        {:ok, name} when is_atom(name) -> name
        {:ok, other} -> raise ArgumentError, "expected :name to be an atom, got: #{inspect(other)}"
        :error -> raise ArgumentError, "expected :name option to be present"
      end

    meta = Keyword.get(options, :meta, [])

    unless Keyword.keyword?(meta) do
      raise ArgumentError, "expected :meta to be a keyword list, got: #{inspect(meta)}"
    end

    partitions = Keyword.get(options, :partitions, 1)

    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError, "expected :partitions to be a positive integer, got: #{inspect(partitions)}"
    end

    listeners = Keyword.get(options, :listeners, [])

    unless is_list(listeners) and Enum.all?(listeners, &is_atom/1) do
      raise ArgumentError, "expected :listeners to be a list of named processes, got: #{inspect(listeners)}"
    end

    compressed = Keyword.get(options, :compressed, false)

    unless is_boolean(compressed) do
      raise ArgumentError, "expected :compressed to be a boolean, got: #{inspect(compressed)}"
    end

    GenServer.start_link(Registry.Server, {keys, name, meta, listeners}, name: name)
  end

  def start_link(keys, name, options \\ []) when keys in @keys and is_atom(name) do
    start_link([keys: keys, name: name] ++ options)
  end

  @doc """
  Registers the caller under `key` with `value`: {:ok, owner} (the
  registry's pid), or {:error, {:already_registered, pid}} for a unique key
  that a live process holds.
  """
  def register(registry, key, value) when is_atom(registry) do
    {_kind, _, _, _, listeners} = info!(registry)

    case GenServer.call(registry, {:register, key, value, self()}, :infinity) do
      {:ok, _} = ok ->
        for listener <- listeners, do: Kernel.send(listener, {:register, registry, key, self(), value})
        ok

      error ->
        error
    end
  end

  @doc "Removes the caller's entries under `key`: :ok."
  def unregister(registry, key) when is_atom(registry) do
    {_kind, _, _, _, listeners} = info!(registry)
    :ok = GenServer.call(registry, {:unregister, key, self()}, :infinity)
    for listener <- listeners, do: Kernel.send(listener, {:unregister, registry, key, self()})
    :ok
  end

  @doc """
  Removes the caller's entries under `key` whose value matches `pattern`
  (a match pattern) and `guards` (match specification guards): :ok.
  """
  def unregister_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    self = self()
    {_kind, _, key_ets, _, listeners} = info!(registry)
    underscore_guard = {:"=:=", {:element, 1, :"$_"}, {:const, key}}
    total = :ets.select_count(key_ets, [{{:_, {self, :_}}, [underscore_guard], [true]}])
    deleted = :ets.select_delete(key_ets, [{{:_, {self, pattern}}, [underscore_guard | guards], [true]}])

    cond do
      deleted == total ->
        :ok = GenServer.call(registry, {:unregistered, key, self, 0}, :infinity)
        for listener <- listeners, do: Kernel.send(listener, {:unregister, registry, key, self})

      deleted == 0 ->
        :ok

      true ->
        :ok = GenServer.call(registry, {:unregistered, key, self, total - deleted}, :infinity)
    end

    :ok
  end

  @doc """
  [{pid, value}] registered under `key`. As in Elixir, the entries of a
  process that just died are listed until the registry has processed its
  exit.
  """
  def lookup(registry, key) when is_atom(registry) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {_, _} = pair -> [pair]
          _ -> []
        end

      {:duplicate, _, key_ets} ->
        safe_lookup_second(key_ets, key)
    end
  end

  @doc """
  The {pid, value} entries under `key` whose value matches `pattern` (a
  match pattern: :_ and :"$1" variables) and `guards`.
  """
  def match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do
    guards = [{:"=:=", {:element, 1, :"$_"}, {:const, key}} | guards]
    spec = [{{:_, {:_, pattern}}, guards, [{:element, 2, :"$_"}]}]
    :ets.select(key_ets!(registry), spec)
  end

  @doc "How many entries match/4 would return."
  def count_match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do
    guards = [{:"=:=", {:element, 1, :"$_"}, {:const, key}} | guards]
    spec = [{{:_, {:_, pattern}}, guards, [true]}]
    :ets.select_count(key_ets!(registry), spec)
  end

  @doc """
  Runs a match specification whose heads are {key, pid, value} patterns
  over the entries.
  """
  def select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = group_match_headers(spec, "select/2")
    :ets.select(key_ets!(registry), spec)
  end

  @doc "How many entries the match specification of select/2 gives `true` for."
  def count_select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = group_match_headers(spec, "count_select/2")
    :ets.select_count(key_ets!(registry), spec)
  end

  @doc "Calls `fun.(entries)` with lookup/2's entries if there are any (or apply(m, f, [entries | args])): :ok."
  def dispatch(registry, key, mfa_or_fun, _opts \\ [])
      when is_atom(registry) and (is_function(mfa_or_fun, 1) or (is_tuple(mfa_or_fun) and tuple_size(mfa_or_fun) == 3)) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        key_ets |> safe_lookup_second(key) |> List.wrap() |> apply_non_empty(mfa_or_fun)

      {:duplicate, _, key_ets} ->
        key_ets |> safe_lookup_second(key) |> apply_non_empty(mfa_or_fun)
    end

    :ok
  end

  defp apply_non_empty([], _mfa_or_fun), do: :ok
  defp apply_non_empty(entries, {module, function, args}), do: apply(module, function, [entries | args])
  defp apply_non_empty(entries, fun), do: fun.(entries)

  @doc "The keys `pid` is registered under, most recent first."
  def keys(registry, pid) when is_atom(registry) and is_pid(pid) do
    {kind, _, _, _, _} = info!(registry)
    keys = GenServer.call(registry, {:keys, pid}, :infinity)
    if kind == :unique, do: Enum.uniq(keys), else: keys
  end

  @doc "The values `pid` registered under `key`."
  def values(registry, key, pid) when is_atom(registry) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {^pid, value} -> [value]
          _ -> []
        end

      {:duplicate, _, key_ets} ->
        for {^pid, value} <- safe_lookup_second(key_ets, key), do: value
    end
  end

  @doc "How many entries the registry holds."
  def count(registry) when is_atom(registry) do
    {_kind, _, key_ets} = key_info!(registry)

    try do
      :ets.info(key_ets, :size)
    catch
      :error, :badarg -> 0
    end
  end

  @doc "For a unique key the caller holds: sets its value to `fun.(old)` and returns {new, old}; else :error."
  def update_value(registry, key, callback) when is_atom(registry) and is_function(callback, 1) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        try do
          :ets.lookup_element(key_ets, key, 2)
        catch
          :error, :badarg -> :error
        else
          {pid, old_value} when pid == self() ->
            new_value = callback.(old_value)
            :ets.insert(key_ets, {key, {pid, new_value}})
            {new_value, old_value}

          {_, _} ->
            :error
        end

      {kind, _, _} ->
        raise ArgumentError, "Registry.update_value/3 is not supported for #{kind} registries"
    end
  end

  @doc "{:ok, value} of the registry's meta entry `key`, or :error."
  def meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.lookup(registry, key)
    catch
      :error, :badarg ->
        raise ArgumentError,
              "unknown registry: #{inspect(registry)}. Either the registry name is invalid or " <>
                "the registry is not running, possibly because its application isn't started"
    else
      [{^key, value}] -> {:ok, value}
      _ -> :error
    end
  end

  @doc "Sets the meta entry `key` to `value`: :ok."
  def put_meta(registry, key, value) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.insert(registry, {key, value})
      :ok
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  @doc "Deletes the meta entry `key`: :ok."
  def delete_meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.delete(registry, key)
      :ok
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  ## {:via, Registry, {registry, key}} names

  @doc false
  def register_name({registry, key}, pid), do: register_name({registry, key, nil}, pid)

  def register_name({registry, key, value}, pid) when pid == self() do
    case register(registry, key, value) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  @doc false
  def whereis_name({registry, key}), do: whereis(registry, key)
  def whereis_name({registry, key, _value}), do: whereis(registry, key)

  defp whereis(registry, key) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {pid, _} -> if Process.alive?(pid), do: pid, else: :undefined
          _ -> :undefined
        end

      {kind, _, _} ->
        raise ArgumentError, ":via is not supported for #{kind} registries"
    end
  end

  @doc false
  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  @doc false
  def send({registry, key}, message) do
    case lookup(registry, key) do
      [{pid, _}] -> Kernel.send(pid, message)
      [] -> :erlang.error(:badarg, [{registry, key}, message])
    end
  end

  def send({registry, key, _value}, message), do: Registry.send({registry, key}, message)

  ## Helpers

  # Registry.select/2's {key, pid, value} heads become the table's
  # {key, {pid, value}}.
  defp group_match_headers(spec, fun) do
    for part <- spec do
      case part do
        {{key, pid, value}, guards, select} ->
          {{key, {pid, value}}, guards, select}

        _ ->
          raise ArgumentError, "invalid match specification in Registry.#{fun}: #{inspect(spec)}"
      end
    end
  end

  defp info!(registry) do
    try do
      :ets.lookup_element(registry, @all_info, 2)
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  defp key_info!(registry) do
    try do
      :ets.lookup_element(registry, @key_info, 2)
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  defp key_ets!(registry), do: elem(key_info!(registry), 2)

  defp safe_lookup_second(ets, key) do
    try do
      :ets.lookup_element(ets, key, 2)
    catch
      :error, :badarg -> []
    end
  end

  @doc false
  # Deletes the entries of `table` matching `match`, whose element `pos`
  # is the key: with a guard when the key is an atom a match pattern would
  # read as :_ or a variable.
  def __unregister__(table, match, pos) do
    key = :erlang.element(pos, match)

    if is_atom(key) and reserved_atom?(Atom.to_string(key)) do
      match = :erlang.setelement(pos, match, :_)
      guard = {:"=:=", {:element, pos, :"$_"}, {:const, key}}
      :ets.select_delete(table, [{match, [guard], [true]}]) >= 0
    else
      :ets.match_delete(table, match)
    end
  end

  defp reserved_atom?("_"), do: true
  defp reserved_atom?("$" <> _), do: true
  defp reserved_atom?(_), do: false
end

defmodule Registry.Server do
  @moduledoc false

  def init({kind, name, meta, listeners}) do
    Process.flag(:trap_exit, true)
    type = if kind == :unique, do: :set, else: :duplicate_bag
    key_ets = :ets.new(name, [type, :public, read_concurrency: true, write_concurrency: true])
    :ets.new(name, [:set, :public, :named_table, read_concurrency: true])
    :ets.insert(name, [{-1, {kind, 1, key_ets, {self(), nil}, listeners}}, {-2, {kind, 1, key_ets}} | meta])
    {:ok, %{kind: kind, key_ets: key_ets, owners: %{}}}
  end

  def handle_call({:register, key, value, pid}, _from, state) do
    case register_key(state.kind, state.key_ets, key, {key, {pid, value}}) do
      :ok ->
        Process.link(pid)
        owners = Map.update(state.owners, pid, [key], &[key | &1])
        {:reply, {:ok, self()}, %{state | owners: owners}}

      error ->
        {:reply, error, state}
    end
  end

  def handle_call({:unregister, key, pid}, _from, state) do
    true = Registry.__unregister__(state.key_ets, {key, {pid, :_}}, 1)
    {:reply, :ok, forget(state, pid, key, 0)}
  end

  def handle_call({:unregistered, key, pid, remaining}, _from, state) do
    {:reply, :ok, forget(state, pid, key, remaining)}
  end

  def handle_call({:keys, pid}, _from, state) do
    {:reply, Map.get(state.owners, pid, []), state}
  end

  def handle_info({:EXIT, pid, _reason}, state) do
    {keys, owners} = Map.pop(state.owners, pid, [])
    Enum.each(Enum.uniq(keys), &Registry.__unregister__(state.key_ets, {&1, {pid, :_}}, 1))
    {:noreply, %{state | owners: owners}}
  end

  def handle_info(_message, state), do: {:noreply, state}

  defp register_key(:duplicate, key_ets, _key, entry) do
    true = :ets.insert(key_ets, entry)
    :ok
  end

  defp register_key(:unique, key_ets, key, entry) do
    if :ets.insert_new(key_ets, entry) do
      :ok
    else
      case :ets.lookup(key_ets, key) do
        [{^key, {pid, _}} = current] ->
          if Process.alive?(pid) do
            {:error, {:already_registered, pid}}
          else
            :ets.delete_object(key_ets, current)
            register_key(:unique, key_ets, key, entry)
          end

        [] ->
          register_key(:unique, key_ets, key, entry)
      end
    end
  end

  # `pid` keeps `remaining` entries under `key` (the most recent ones);
  # a process left with no key is unlinked.
  defp forget(state, pid, key, remaining) do
    keys = List.duplicate(key, remaining) ++ Enum.reject(Map.get(state.owners, pid, []), &(&1 === key))

    owners =
      if keys == [] do
        Process.unlink(pid)
        Map.delete(state.owners, pid)
      else
        Map.put(state.owners, pid, keys)
      end

    %{state | owners: owners}
  end
end
