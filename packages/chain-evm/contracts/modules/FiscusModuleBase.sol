// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import "../interfaces/IComplianceModule.sol";
import "../interfaces/TRexViews.sol";

/// @title Common plumbing of Fiscus compliance modules.
/// @dev Deployed behind T-REX's ModuleProxy (an ERC-1967 proxy whose constructor delegatecalls
/// `initialize()`), so state lives in the proxy and `initialize` replaces the constructor.
/// Upgrades are UUPS-style: the owner points the ERC-1967 slot at a new implementation. Derived
/// modules only append state variables, so upgrades keep the storage layout.
abstract contract FiscusModuleBase is IComplianceModule {
    /// @dev ERC-1967 implementation slot: bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1).
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    address public owner;
    bool private _initialized;
    mapping(address => bool) private _bound;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event Upgraded(address indexed implementation);

    /// @dev Locks the implementation itself so only proxies can be initialised.
    constructor() {
        _initialized = true;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "Fiscus: caller is not the owner");
        _;
    }

    /// @dev Settings are per compliance: ModularCompliance.callModuleFunction makes the compliance the caller.
    modifier onlyComplianceCall() {
        require(_bound[msg.sender], "Fiscus: only a bound compliance");
        _;
    }

    function initialize() external {
        require(!_initialized, "Fiscus: already initialized");
        _initialized = true;
        owner = msg.sender;
        emit OwnershipTransferred(address(0), msg.sender);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "Fiscus: zero owner");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function bindCompliance(address compliance) external override {
        require(compliance != address(0), "Fiscus: zero compliance");
        require(msg.sender == compliance, "Fiscus: only the compliance binds itself");
        require(!_bound[compliance], "Fiscus: compliance already bound");
        require(isPlugAndPlay() || canComplianceBind(compliance), "Fiscus: compliance cannot bind");
        _bound[compliance] = true;
        emit ComplianceBound(compliance);
    }

    function unbindCompliance(address compliance) external override onlyComplianceCall {
        require(msg.sender == compliance, "Fiscus: only the compliance unbinds itself");
        _bound[compliance] = false;
        emit ComplianceUnbound(compliance);
    }

    function isComplianceBound(address compliance) external view override returns (bool) {
        return _bound[compliance];
    }

    function canComplianceBind(address) public view virtual override returns (bool) {
        return true;
    }

    function isPlugAndPlay() public pure virtual override returns (bool) {
        return true;
    }

    /// @dev ERC-1822 marker: a proxy may only be pointed at a contract that answers this.
    function proxiableUUID() external pure returns (bytes32) {
        return IMPLEMENTATION_SLOT;
    }

    function upgradeTo(address implementation) external onlyOwner {
        require(implementation.code.length > 0, "Fiscus: implementation has no code");
        require(FiscusModuleBase(implementation).proxiableUUID() == IMPLEMENTATION_SLOT, "Fiscus: not a Fiscus module");
        assembly {
            sstore(IMPLEMENTATION_SLOT, implementation)
        }
        emit Upgraded(implementation);
    }

    function _token(address compliance) internal view returns (ITokenView) {
        return ITokenView(IModularComplianceView(compliance).getTokenBound());
    }

    function _registry(address compliance) internal view returns (IIdentityRegistryView) {
        return IIdentityRegistryView(_token(compliance).identityRegistry());
    }
}
