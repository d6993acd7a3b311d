# Registry: a local key-value process registry, after Elixir's registry.ex
# with one partition.
#
# The registry process (Registry.Server) owns a public named ETS table
# called like the registry: a :set of {key, pid, value} for unique keys, a
# :duplicate_bag for duplicate keys. Reads (lookup/2, dispatch/3, count/1)
# go to the table directly; writes go through the process, which links to
# each registering process and removes its entries when it exits.
defmodule Registry do
  @doc "The child spec of {Registry, opts}: id the :name, type :supervisor."
  def child_spec(options) do
    %{id: Keyword.get(options, :name, Registry), start: {Registry, :start_link, [options]}, type: :supervisor}
  end

  @doc "Starts a registry: options :keys (:unique or :duplicate) and :name (an atom) are required."
  def start_link(options) do
    keys = Keyword.get(options, :keys)
    name = Keyword.get(options, :name)

    unless keys in [:unique, :duplicate] do
      raise ArgumentError, "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(keys)}"
    end

    unless is_atom(name) and name != nil do
      raise ArgumentError, "expected :name to be given and to be an atom, got: #{inspect(name)}"
    end

    GenServer.start_link(Registry.Server, {keys, name}, name: name)
  end

  @doc """
  Registers the caller under `key` with `value`: {:ok, owner} (the
  registry's pid), or {:error, {:already_registered, pid}} for a unique key
  that a live process holds.
  """
  def register(registry, key, value) do
    GenServer.call(registry, {:register, key, value, self()}, :infinity)
  end

  @doc "Removes the caller's entries under `key`: :ok."
  def unregister(registry, key) do
    GenServer.call(registry, {:unregister, key, self()}, :infinity)
  end

  @doc """
  [{pid, value}] registered under `key`. As in Elixir, the entries of a
  process that just died are listed until the registry has processed its
  exit.
  """
  def lookup(registry, key) do
    for {_key, pid, value} <- :ets.lookup(registry, key), do: {pid, value}
  end

  @doc "Calls `fun.(entries)` with lookup/2's entries if there are any (or apply(m, f, [entries | args])): :ok."
  def dispatch(registry, key, fun, _opts \\ []) do
    case lookup(registry, key) do
      [] ->
        :ok

      entries ->
        case fun do
          {module, function, args} -> apply(module, function, [entries | args])
          fun -> fun.(entries)
        end

        :ok
    end
  end

  @doc "The keys `pid` is registered under."
  def keys(registry, pid) when is_pid(pid) do
    GenServer.call(registry, {:keys, pid}, :infinity)
  end

  @doc "The values `pid` registered under `key`."
  def values(registry, key, pid) when is_pid(pid) do
    for {_key, ^pid, value} <- :ets.lookup(registry, key), do: value
  end

  @doc "How many entries the registry holds."
  def count(registry), do: :ets.info(registry, :size)

  @doc "For a unique key the caller holds: sets its value to `fun.(old)` and returns {new, old}; else :error."
  def update_value(registry, key, fun) when is_function(fun, 1) do
    GenServer.call(registry, {:update_value, key, fun, self()}, :infinity)
  end

  @doc "The registry's key kind: :unique or :duplicate."
  def meta_keys(registry) do
    if :ets.info(registry, :type) == :set, do: :unique, else: :duplicate
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
  def whereis_name({registry, key}), do: whereis_name({registry, key, nil})

  def whereis_name({registry, key, _value}) do
    case lookup(registry, key) do
      [{pid, _}] -> if Process.alive?(pid), do: pid, else: :undefined
      _ -> :undefined
    end
  end

  @doc false
  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  @doc false
  def send({registry, key}, message), do: Registry.send({registry, key, nil}, message)

  def send({registry, key, _value} = name, message) do
    case whereis_name(name) do
      pid when is_pid(pid) -> Kernel.send(pid, message)
      :undefined -> :erlang.error(:badarg)
    end
  end
end

defmodule Registry.Server do
  @moduledoc false

  def init({keys, name}) do
    Process.flag(:trap_exit, true)
    type = if keys == :unique, do: :set, else: :duplicate_bag
    :ets.new(name, [type, :public, :named_table, read_concurrency: true])
    {:ok, %{name: name, keys: keys, owners: %{}}}
  end

  def handle_call({:register, key, value, pid}, _from, state) do
    taken =
      state.keys == :unique and
        Enum.any?(:ets.lookup(state.name, key), fn {_, owner, _} -> Process.alive?(owner) end)

    if taken do
      [{_, owner, _}] = :ets.lookup(state.name, key)
      {:reply, {:error, {:already_registered, owner}}, state}
    else
      :ets.insert(state.name, {key, pid, value})
      Process.link(pid)
      owners = Map.update(state.owners, pid, [key], &[key | &1])
      {:reply, {:ok, self()}, %{state | owners: owners}}
    end
  end

  def handle_call({:unregister, key, pid}, _from, state) do
    delete_entries(state.name, key, pid)
    keys = Enum.reject(Map.get(state.owners, pid, []), &(&1 === key))

    owners =
      if keys == [] do
        Process.unlink(pid)
        Map.delete(state.owners, pid)
      else
        Map.put(state.owners, pid, keys)
      end

    {:reply, :ok, %{state | owners: owners}}
  end

  def handle_call({:keys, pid}, _from, state) do
    {:reply, Enum.reverse(Map.get(state.owners, pid, [])), state}
  end

  def handle_call({:update_value, key, fun, pid}, _from, state) do
    unique = state.keys == :unique

    case :ets.lookup(state.name, key) do
      [{^key, ^pid, old}] when unique ->
        new = fun.(old)
        :ets.insert(state.name, {key, pid, new})
        {:reply, {new, old}, state}

      _ ->
        {:reply, :error, state}
    end
  end

  def handle_info({:EXIT, pid, _reason}, state) do
    {keys, owners} = Map.pop(state.owners, pid, [])
    Enum.each(Enum.uniq(keys), &delete_entries(state.name, &1, pid))
    {:noreply, %{state | owners: owners}}
  end

  def handle_info(_message, state), do: {:noreply, state}

  defp delete_entries(table, key, pid) do
    for {_, ^pid, _} = entry <- :ets.lookup(table, key), do: :ets.delete_object(table, entry)
  end
end
