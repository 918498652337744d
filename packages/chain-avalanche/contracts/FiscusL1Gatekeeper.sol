// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.24;

interface IAllowList {
    function readAllowList(address addr) external view returns (uint256 role);
    function setEnabled(address addr) external;
    function setNone(address addr) external;
}

interface INativeMinter {
    function mintNativeCoin(address addr, uint256 amount) external;
}

interface IRegistryContains {
    function contains(address wallet) external view returns (bool);
}

/// @title The platform's operator on an Avalanche L1: one engine operation = one transaction.
/// @notice Onboarding on the L1 is the ERC-3643 onboarding PLUS the chain-level permission (TxAllowList
/// Enabled) PLUS a gas top-up (NativeMinter). The engine signs one transaction per operation with a
/// nonce it allocates, so this contract performs the T-REX call and the precompile calls atomically:
/// all land or none, and a re-run is harmless (roles are only moved None<->Enabled, a top-up happens
/// only below the threshold). It is Manager on TxAllowList: a Manager cannot change an Admin or
/// Manager (subnet-evm role.go), so no operation can remove an admin or lock out a platform signer.
/// The onboarder creates each investor's ONCHAINID identity (CREATE2) inside this transaction, and
/// Subnet-EVM checks a creation against tx.origin (params/hooks_libevm.go CanCreateContract): the
/// operator must be Enabled on the ContractDeployerAllowList.
contract FiscusL1Gatekeeper {
    IAllowList public constant TX_ALLOW_LIST = IAllowList(0x0200000000000000000000000000000000000002);
    INativeMinter public constant NATIVE_MINTER = INativeMinter(0x0200000000000000000000000000000000000001);
    uint256 private constant NONE = 0;
    uint256 private constant ENABLED = 1;
    uint256 private constant PRECOMPILE_GAS = 200_000;

    address public immutable owner;

    event Granted(address indexed wallet, uint256 topUp);
    event Revoked(address indexed wallet);

    constructor(address operator) {
        owner = operator;
    }

    /// @param target  contract to call first (token or onboarder; zero = none)
    /// @param data    its calldata; a revert is bubbled up unchanged so the driver's error parsing still applies
    /// @param grant   wallets to set Enabled (only if None) and top up, if `registry` has them registered
    /// @param revoke  wallets to set None (only if Enabled: platform signers keep their Admin/Manager role)
    /// @param topUpBelow  a granted wallet whose balance is below this gets `topUpAmount` minted
    function execute(
        address target,
        bytes calldata data,
        address registry,
        address[] calldata grant,
        address[] calldata revoke,
        uint256 topUpBelow,
        uint256 topUpAmount
    ) external {
        require(msg.sender == owner, "Fiscus: caller is not the operator");
        if (target != address(0)) {
            (bool ok, bytes memory ret) = target.call(data);
            if (!ok) {
                assembly {
                    revert(add(ret, 32), mload(ret))
                }
            }
        }
        for (uint256 i = 0; i < revoke.length; i++) {
            if (TX_ALLOW_LIST.readAllowList(revoke[i]) == ENABLED) {
                _precompile(address(TX_ALLOW_LIST), abi.encodeCall(IAllowList.setNone, (revoke[i])), "Fiscus: TxAllowList refused setNone");
                emit Revoked(revoke[i]);
            }
        }
        for (uint256 i = 0; i < grant.length; i++) {
            address w = grant[i];
            // Unfreezing a wallet whose registration was removed meanwhile must not re-enable it.
            if (registry != address(0) && !IRegistryContains(registry).contains(w)) continue;
            if (TX_ALLOW_LIST.readAllowList(w) == NONE) {
                _precompile(address(TX_ALLOW_LIST), abi.encodeCall(IAllowList.setEnabled, (w)), "Fiscus: TxAllowList refused setEnabled");
            }
            uint256 topUp = 0;
            if (topUpAmount > 0 && w.balance < topUpBelow) {
                topUp = topUpAmount;
                _precompile(address(NATIVE_MINTER), abi.encodeCall(INativeMinter.mintNativeCoin, (w, topUpAmount)), "Fiscus: NativeMinter refused mintNativeCoin");
            }
            emit Granted(w, topUp);
        }
    }

    /// A Subnet-EVM precompile that refuses consumes ALL the gas it was given and returns NO data
    /// (libevm core/vm/evm.go Call: gas = 0 on any error but a revert): a plain call would leave a
    /// bare revert with nothing to name the cause, and 63/64 of the transaction's gas burnt. So each
    /// call gets a bounded budget (real costs: 22,131 per role write, 31,756 per mint) and a
    /// refusal reverts with a reason the driver maps to the missing role.
    function _precompile(address precompile, bytes memory data, string memory refused) private {
        (bool ok, ) = precompile.call{gas: PRECOMPILE_GAS}(data);
        require(ok, refused);
    }
}
